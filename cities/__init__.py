"""Partner cities and the home city, their countries, exchanges and photos.

May import the shared packages (`portal.formatting`, `portal.editorial`,
`portal.pictures`); never `news` (articles name their cities, so news
depends on cities, and a city reaches its articles through the relation
news declares) nor the project's pages.
"""
