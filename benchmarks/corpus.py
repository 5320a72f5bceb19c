"""Realistic words for generated data: ML paper titles, questions and notes in Chinese and English."""

from __future__ import annotations

import random

METHODS_EN = [
    "Sparse Mixture-of-Experts", "Direct Preference Optimization", "Speculative Decoding",
    "Low-Rank Adaptation", "Retrieval-Augmented Generation", "Chain-of-Thought Distillation",
    "KV-Cache Compression", "Contrastive Pretraining", "Reward Model Ensembles",
    "Flash Attention", "State-Space Models", "Curriculum RLHF", "Token Merging",
    "Quantization-Aware Training", "Self-Play Fine-Tuning", "Tool-Augmented Agents",
]
TASKS_EN = [
    "Long-Context Reasoning", "Code Generation", "Multimodal Instruction Following",
    "Math Word Problems", "Low-Resource Translation", "Open-Domain QA", "Video Captioning",
    "Embodied Planning", "Alignment Evaluation", "On-Device Inference", "Table Understanding",
]
METHODS_ZH = [
    "稀疏混合专家", "直接偏好优化", "投机解码", "低秩适配", "检索增强生成", "思维链蒸馏",
    "KV 缓存压缩", "对比预训练", "奖励模型集成", "状态空间模型", "课程式 RLHF", "量化感知训练",
]
TASKS_ZH = [
    "长上下文推理", "代码生成", "多模态指令跟随", "数学应用题", "低资源翻译", "开放域问答",
    "视频描述", "具身规划", "对齐评估", "端侧推理", "表格理解",
]
QUESTIONS_EN = [
    "Why does {m} work better than the baseline on {t}?",
    "What happens to {t} if you remove {m}? Walk me through the ablation.",
    "How would you deploy {m} under a 50 ms latency budget?",
    "How large was the training set for {t}, and how did you clean it?",
    "Did you use an existing framework for {m}, or write your own?",
]
QUESTIONS_ZH = [
    "为什么{m}在{t}上比基线更好？",
    "如果去掉{m}，{t}的效果会怎样？讲讲消融实验。",
    "在 50 毫秒延迟预算下如何部署{m}？",
    "{t}的训练数据有多大，如何清洗？",
    "{m}是用现成框架实现的，还是自己写的？",
]
AUTHORS = ["Li Wei", "Zhang Min", "Wang Fang", "Chen Jie", "Alice Smith", "Bob Lee", "Carla Diaz", "刘洋", "赵磊"]
NOTES = [
    "Reviewer 2 asked for more baselines; 审稿人 2 要求补充基线。",
    "Ablation on 7B and 13B done, 70B pending (等待算力).",
    "Figure 3 needs a clearer legend — 图 3 图例要更清楚。",
    "Rebuttal draft in Overleaf; 反驳意见草稿已完成。",
]


def title(rng: random.Random, number: int) -> str:
    if rng.random() < 0.4:
        return f"基于{rng.choice(METHODS_ZH)}的{rng.choice(TASKS_ZH)}研究 #{number}"
    return f"{rng.choice(METHODS_EN)} for {rng.choice(TASKS_EN)} #{number}"


def question(rng: random.Random) -> tuple[str, str]:
    index = rng.randrange(len(QUESTIONS_EN))
    en = QUESTIONS_EN[index].format(m=rng.choice(METHODS_EN), t=rng.choice(TASKS_EN))
    zh = QUESTIONS_ZH[index].format(m=rng.choice(METHODS_ZH), t=rng.choice(TASKS_ZH))
    return en, zh


def sentence(rng: random.Random) -> str:
    return rng.choice(NOTES)


def pitch_body(rng: random.Random, part: str) -> str:
    method, task = rng.choice(METHODS_EN), rng.choice(TASKS_EN)
    zh = f"我们提出{rng.choice(METHODS_ZH)}，在{rng.choice(TASKS_ZH)}上提升了 {rng.randint(2, 15)}%。"
    return f"[{part}] We study {task} with {method}. {zh} " * rng.randint(1, 3)
