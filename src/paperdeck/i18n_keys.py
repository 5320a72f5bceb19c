"""The Chinese of every key binding: its footer label and its help / palette line, by binding id.

A binding's English is its own `description` and `tooltip` (written where the binding is);
its Chinese is here, so that the footer, `?` and the command palette speak the language the
user chose. `tests/test_zh_sweep.py` fails when a binding of any screen has no entry here.

Adding a key: give its Binding an `id`, then a line here: id -> (label, help).
"""

from __future__ import annotations

KEYS_ZH: dict[str, tuple[str, str]] = {
    # the app (tui/actions.py); screen.* come from the screen registry's names
    "app.help": ("按键", "列出本屏幕的所有按键"),
    "app.language": ("中/EN", "切换内容语言（中文/英文）"),
    "app.quit": ("退出", "退出 paperdeck"),
    "app.focus_next": ("下一项", "移到下一个输入框"),
    "app.focus_previous": ("上一项", "移到上一个输入框"),
    "command_palette": ("命令", "打开命令面板"),
    # dialogs shared by many screens
    "dialog.cancel": ("取消", "关闭，不做任何更改"),
    "copy.close": ("关闭", "关闭此对话框"),
    "help.close": ("关闭", "关闭按键列表"),
    "prompt.cancel": ("取消", "关闭，不保存"),
    "form.cancel": ("取消", "关闭，不保存"),
    "confirm.yes": ("确定", "确认"),
    "confirm.no": ("取消", "取消"),
    # dashboard
    "dashboard.review": ("复习闪卡", "开始复习今天到期的闪卡"),
    "dashboard.refresh": ("刷新", "重新读取全部内容（它也会自动刷新）"),
    "dashboard.horizon": ("范围", "列出未来多少天内的截止日期（设置中的天数）"),
    # pipeline and its board
    "pipeline.left": ("左", "聚焦左边一列"),
    "pipeline.right": ("右", "聚焦右边一列"),
    "pipeline.move_back": ("◀ 阶段", "把论文移到上一阶段"),
    "pipeline.move_on": ("阶段 ▶", "把论文移到下一阶段"),
    "pipeline.reorder_up": ("上移", "在本列中上移论文"),
    "pipeline.reorder_down": ("下移", "在本列中下移论文"),
    "pipeline.new": ("新建", "快速记下一篇论文（标题，回车）"),
    "pipeline.edit": ("编辑", "打开论文表单"),
    "pipeline.delete": ("删除", "删除论文（先询问；u 可撤销）"),
    "pipeline.undo": ("撤销", "撤销上一次更改（移动、编辑、删除）"),
    "pipeline.redo": ("重做", "重做刚撤销的更改"),
    "pipeline.filter": ("筛选", "按文字、会议、方向或阶段筛选"),
    "pipeline.clear_filter": ("清除筛选", "重新显示全部论文"),
    "pipeline.stage_days": ("阶段用时", "我的论文在各阶段停留多少天（图表）"),
    "stage_days.close": ("关闭", "关闭图表"),
    "filter.cancel": ("取消", "保留当前筛选"),
    "capture.cancel": ("取消", "关闭，不添加"),
    "board.up": ("上", "上一篇论文"),
    "board.down": ("下", "下一篇论文"),
    "board.first": ("第一篇", "本列第一篇论文"),
    "board.last": ("最后一篇", "本列最后一篇论文"),
    "board.page_up": ("上一页", "向上翻一页"),
    "board.page_down": ("下一页", "向下翻一页"),
    # paper form
    "form.close": ("关闭", "关闭（有未保存的修改时先询问）"),
    "form.save": ("保存", "保存（也可在输入框中按回车，或按保存按钮）"),
    "form.next_tab": ("下一页签", "下一个页签：详情、清单、投稿、链接"),
    "form.previous_tab": ("上一页签", "上一个页签"),
    # settings
    "settings.change": ("修改", "修改选中的设置"),
    "settings.reset": ("默认", "把选中的设置恢复为默认值"),
    # venues
    "venues.field": ("领域", "按领域筛选：全部、通用机器学习、自然语言处理……"),
    "venues.search": ("搜索", "按名称、全称或别名搜索会议"),
    "venues.clear": ("清除搜索", "清除搜索（在列表中也可）"),
    "venues.clear_search": ("清除搜索", "清除搜索并回到列表"),
    "venues.view": ("显示", "全部会议、关注的会议、有我的论文的会议，或已隐藏的会议"),
    "venues.favourite": ("关注", "关注（收藏）该会议或取消关注；更新截止日期时读取关注的会议"),
    "venues.hide": ("隐藏", "在所有列表中隐藏该会议，或重新显示（u 撤销）"),
    "venues.delete": ("删除会议", "删除该会议及其截止日期（u 撤销）"),
    "venues.undo": ("撤销", "撤销上一次对会议的隐藏、删除或导入"),
    "venues.update": ("更新", "从追踪源获取关注会议的最新截止日期（同命令行的截止日期更新）"),
    "venues.month": ("月历", "截止日期与论文节点的月历"),
    "venues.prev_month": ("上月", "月历：上一个月"),
    "venues.next_month": ("下月", "月历：下一个月"),
    "venues.today": ("今天", "月历：回到本月"),
    "venues.add": ("添加会议", "添加自己的会议"),
    "venues.edit": ("编辑", "编辑会议（列表）或选中的截止日期（详情）"),
    "venues.add_deadline": ("添加截止", "为所选会议添加截止日期"),
    "venues.delete_deadline": ("删除截止", "删除选中的截止日期（详情）"),
    "venues.import": ("导入", "导入 ccfddl / Hugging Face / ai-deadlines 的 YAML 文件"),
    "month.left": ("前一天", "前一天"),
    "month.right": ("后一天", "后一天"),
    "month.up": ("上一周", "上一周的同一天"),
    "month.down": ("下一周", "下一周的同一天"),
    "import.cancel": ("取消", "关闭；正在进行的导入会被取消"),
    "import.preview": ("预览", "显示将添加、更新和跳过的内容，不做任何更改"),
    "import.undo": ("撤销导入", "撤销刚才的导入"),
    # flashcards
    "flashcards.study": ("学习", "学习所选卡组的到期卡和新卡"),
    "flashcards.study_all": ("全部学习", "学习所有卡组的到期卡和新卡"),
    "flashcards.browse": ("浏览", "搜索、编辑、暂停、添加和删除卡片"),
    "flashcards.stats": ("统计", "每日复习量、记忆率、最弱的类别、预测"),
    "flashcards.cram": ("面试", "面试模式：在某日之前突击所选卡组；不影响复习计划"),
    "flashcards.generate": ("论文卡组", "按问题模板为每篇论文创建或更新卡组"),
    "flashcards.target": ("目标时长", "设置所选卡组的目标回答时长（秒）"),
    "flashcards.new_deck": ("新卡组", "创建一个空卡组"),
    "flashcards.rename": ("重命名", "重命名所选卡组"),
    "flashcards.delete": ("删除卡组", "删除所选卡组及其卡片（先询问；u 可撤销）"),
    "flashcards.undo": ("撤销", "撤销上一次卡组重命名或删除、卡片删除或导入"),
    "flashcards.retention": ("记忆率", "设置 FSRS 的目标记忆率（70%–99%）"),
    "flashcards.new_limit": ("每日新卡", "设置每天新卡的上限"),
    "flashcards.import": ("导入", "从 CSV 或 TSV 文件导入卡片"),
    "review.reveal": ("显示要点", "显示回答要点"),
    "review.rate1": ("重来", "评为 重来 (1)"),
    "review.rate2": ("困难", "评为 困难 (2)"),
    "review.rate3": ("良好", "评为 良好 (3)"),
    "review.rate4": ("简单", "评为 简单 (4)"),
    "review.undo": ("撤销", "撤销上一次评分：卡片完全恢复"),
    "review.edit": ("编辑", "编辑这张卡的问题和回答要点"),
    "review.close": ("结束", "结束本次复习"),
    "stats.close": ("返回", "返回卡组"),
    "browser.close": ("返回", "返回卡组"),
    "browser.search": ("搜索", "搜索卡片文字"),
    "browser.edit": ("编辑", "编辑所选卡片"),
    "browser.add": ("添加", "向所选卡组添加卡片"),
    "browser.suspend": ("暂停", "暂停或恢复所选卡片"),
    "browser.delete": ("删除", "删除所选卡片及其复习记录（先询问）"),
    "browser.info": ("卡片信息", "这张卡的复习计划与复习记录"),
    "browser.sort": ("排序", "按下一列排序（或点击列标题）"),
    "browser.reverse": ("反向", "反转排序顺序"),
    "card_edit.cancel": ("取消", "关闭，不保存"),
    "card_edit.save": ("保存", "保存卡片（或按保存按钮）"),
    "cram.cancel": ("取消", "关闭，不开始"),
    "cram.start": ("开始", "开始突击复习（或按开始按钮）"),
    # pitch
    "pitch.runs": ("排练记录", "这篇论文对照目标的排练记录：d 删除一条，u 恢复"),
    "pitch.runs-letter": ("排练记录", "编辑框外：这篇论文的排练记录"),
    "pitch.rehearse": ("排练/分段", "开始排练；再按一次结束当前部分的计时"),
    "pitch.stop": ("停止", "停止排练并保存这次记录"),
    "pitch.history": ("历史", "版本历史：恢复任一早先版本"),
    "pitch.export": ("导出 .md", "把讲稿写成 Markdown 文件（先询问位置：默认为当前目录的 pitch-<id>.md）"),
    "pitch.copy": ("复制", "把讲稿以 Markdown 复制到剪贴板"),
    "pitch.save": ("保存", "立即保存；在别处被修改的部分会询问：保留我的、采用他们的或两者都保留"),
    "pitch.leave": ("✎ 编辑中", "编辑中：字母是文字。Esc 离开编辑框，之后字母键作为命令"),
    "pitch.edit": ("⌘ 命令：编辑", "命令模式：字母键作为命令。i 或 e 回到当前部分的编辑框"),
    "pitch.examples": ("示例", "显示或隐藏每部分上方指南的提示与示例"),
    "pitch.rehearse-letter": ("排练", "编辑框外：开始排练 / 下一段"),
    "pitch.history-letter": ("历史", "编辑框外：版本历史"),
    "pitch.copy-letter": ("复制", "编辑框外：把讲稿以 Markdown 复制"),
    "pitch.prev": ("上一篇", "编辑框外：上一篇论文"),
    "pitch.next": ("下一篇", "编辑框外：下一篇论文"),
    # resume
    "resume.copy": ("复制", "复制所选论文的条目"),
    "resume.copy-all": ("复制列表", "复制完整列表（精选在前）"),
    "resume.copy-line": ("复制一行", "把所选论文复制为一行纯文本（用于表单字段）"),
    "resume.format": ("格式", "切换格式：txt、md、tex、bib"),
    "resume.group": ("分组", "列表分组：精选 + 其余、按年份、按类型"),
    "resume.bullets": ("要点", "编辑所选论文的要点"),
    "resume.mark": ("标记", "标记这篇论文，以便一次处理多篇"),
    "resume.mark-all": ("全部标记", "标记列表中的每篇论文，或清除标记"),
    "resume.selected": ("精选", "把这篇（或已标记的）论文标为或取消精选论文"),
    "resume.hide": ("移出/放回", "把这篇（或已标记的）论文移出简历；在已隐藏列表中则放回（u 撤销）"),
    "resume.hidden": ("已隐藏", "显示不在简历上的论文"),
    "resume.undo": ("撤销", "撤销对论文的上一次更改（与流水线共用）"),
    "resume.import": ("导入 .bib", "从 BibTeX 文件导入论文"),
    "bullets.cancel": ("取消", "关闭，不保存"),
    "bullets.save": ("保存", "保存要点"),
}

# Screens' names for the keys 1-6 come from the screen registry (tui/registry.py); their help line:
OPEN_SCREEN_ZH = "打开「{name}」屏幕"
GO_TO_ZH = "转到 {name}"


def key_text(binding_id: str | None, label: str, help_text: str, language: str) -> tuple[str, str]:
    """(label, help) of a binding in `language`: its own English, or the Chinese above (the
    English when no Chinese is known: the zh sweep test reports it)."""
    if language != "zh" or not binding_id or binding_id not in KEYS_ZH:
        return label, help_text
    return KEYS_ZH[binding_id]
