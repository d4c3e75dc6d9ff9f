"""The API's routers, one per resource; each route parses, calls one library function, formats."""
