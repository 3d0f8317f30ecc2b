# The API image for docker-compose.yml: applies the schema, loads the bundled sample, serves.
FROM node:20-slim AS explorer
WORKDIR /explorer
COPY explorer/package.json explorer/package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM node:20-slim AS graphiql
WORKDIR /build
COPY graphiql/package.json graphiql/package-lock.json graphiql/
RUN npm ci --prefix graphiql --no-audit --no-fund
COPY graphiql/build.mjs graphiql/
COPY graphiql/src graphiql/src
COPY clients/typescript/operations clients/typescript/operations
RUN npm run build --prefix graphiql

FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY kg kg
COPY api api
COPY queries queries
COPY schema schema
COPY deploy deploy
COPY explorer explorer
COPY --from=explorer /explorer/node_modules explorer/node_modules
COPY data data
RUN pip install --no-cache-dir .
# An installed kg looks for the GraphiQL bundle in its package (kg/resources.py).
COPY --from=graphiql /build/graphiql/dist /tmp/graphiql-dist
RUN dest="$(python -c 'import kg, pathlib; print(pathlib.Path(kg.__file__).parent / "_bundled")')" \
    && mkdir -p "$dest/graphiql" && cp -r /tmp/graphiql-dist "$dest/graphiql/dist"
EXPOSE 8000
CMD ["sh", "-c", "kg schema apply && kg ingest openalex data/sample/works.jsonl.gz; kg serve --host 0.0.0.0 --port 8000"]
