"""The editorial machinery shared by cities and news.

- `models`: publication state and the visibility rule (`published()`, and
  `scheduled()` for what comes out later by itself),
  timestamps, translation state, pending changes (abstract bases and tables).
- `rules`: every "may this user …" question (publish, edit structure,
  translate, restore, preview, change a published record's dependants,
  must sign in with a second factor).
  The admin, pending changes and previews ask it; nothing else decides.
- `roles`: the editorial roles as groups and their permissions.
- `pending`, `versions`, `concurrency`: changes that wait for a publisher,
  every save kept and comparable, no edit silently lost; `proposals`: a
  pending change as the publisher reviews it (official names checked).
- `translation_state`, `translation_queue`: per-language state and the
  translators' queue; `admin`, `views`, `preview`: the admin mixins, the
  queue and workbench pages, the staff preview of public pages.
- `editions`: what a visitor of each language gets of a published record
  (the rule itself is `models.PublishableQuerySet.in_language`).
- `workbench`, `glossary`, `matrix` (+ `matrix_view`), `xliff` (+
  `xliff_format`, `xliff_reading`, `xliff_import`, `xliff_saving`,
  `xliff_report`, `xliff_views`, and `xliff_jobs` with its table `import_jobs` for a large
  file imported in the background): the translators' side-by-side workbench,
  official names, the completeness matrix, exchange with CAT tools; `analysis`:
  words or characters left to translate, in leverage bands against the
  memory (`record_kinds`: the kinds of record with translated text); `qa`
  (+ `qa_view`): the QA checks of a translation against its original;
  `qa_gate` (+ `qa_admin` for the change form): the one rule for publishing
  over QA errors with a reason; `memory` (+ `memory_models`, `memory_lookup`,
  `memory_approval`, `memory_tmx`, `memory_xliff`, `memory_admin`): the
  translation memory.

May import: `portal.formatting`, Django and third-party libraries. Never the
apps (`cities`, `news`) or the project's top modules: models are found
through the registries (modeltranslation's, Django's), not imported.
"""
