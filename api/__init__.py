"""The ASGI application: translates HTTP and GraphQL to `kg` services and `kg` errors to codes.
`app` builds the Starlette app and its lifespan, `rest` the JSON endpoints, `graphql/` the
schema."""
