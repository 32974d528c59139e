"""Template tags of the project: translated values with their `lang` (`portal`),
pictures (`pictures`), the admin's front page (`backoffice`)."""
