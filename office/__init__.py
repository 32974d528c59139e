"""The office's own pages: about, contact, accessibility, service guides (办事指南)
and the yearly website reports (政府网站工作年度报表), with the forms a guide offers.

Records follow the same workflow, versions and translation state as articles
(`Publishable`, `Translatable`). The office record itself (name, address,
footer conventions) is the `portal` app's `Office`; templates read it from the
`office` context variable, so this app never imports the project's top modules.

May import: `portal.formatting`, `portal.editorial`, `portal.pictures`, `cities`,
`news`, Django and third-party libraries.
"""
