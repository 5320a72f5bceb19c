-- Resume and BibTeX out (issue 17): the corresponding authors (JSON list of author indexes,
-- like equal_contribution), the cite key a .bib gave the paper (kept on export; NULL: one is
-- generated), and what a faithful export writes back (JSON: entry type, raw fields and names).
ALTER TABLE papers ADD COLUMN corresponding TEXT NOT NULL DEFAULT '[]';
ALTER TABLE papers ADD COLUMN cite_key TEXT;
ALTER TABLE papers ADD COLUMN bib_entry TEXT NOT NULL DEFAULT '{}';
