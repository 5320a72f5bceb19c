-- A paper's own problem and limitations, beside its method, baselines, data and result: its
-- interview deck asks about them (domain/card_templates.py).
ALTER TABLE papers ADD COLUMN problem TEXT NOT NULL DEFAULT '';
ALTER TABLE papers ADD COLUMN limitations TEXT NOT NULL DEFAULT '';
