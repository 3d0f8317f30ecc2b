"""The ASGI application: translates HTTP and GraphQL to `kg` services."""
