"""The GraphQL schema: root fields (`schema`), types, DataLoaders, context and limits. Resolvers
call `kg` services and translate; they never build Cypher."""
