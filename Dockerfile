# The API image for docker-compose.yml: applies the schema, loads the bundled sample, serves.
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY kg kg
COPY api api
COPY queries queries
COPY schema schema
COPY deploy deploy
COPY data data
RUN pip install --no-cache-dir .
EXPOSE 8000
CMD ["sh", "-c", "kg schema apply && kg serve --host 0.0.0.0 --port 8000"]
