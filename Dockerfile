# The API image for docker-compose.yml: applies the schema, loads the bundled sample, serves.
FROM node:20-slim AS explorer
WORKDIR /explorer
COPY explorer/package.json explorer/package-lock.json ./
RUN npm ci --no-audit --no-fund

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
EXPOSE 8000
CMD ["sh", "-c", "kg schema apply && kg ingest openalex data/sample/works.jsonl.gz; kg serve --host 0.0.0.0 --port 8000"]
