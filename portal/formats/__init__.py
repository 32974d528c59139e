"""The portal's own date formats per language (settings.FORMAT_MODULE_PATH); Django's
locale formats fill in everything not set here."""
