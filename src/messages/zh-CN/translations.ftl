## translations
