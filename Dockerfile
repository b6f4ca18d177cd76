# The production-like image: gunicorn serving the portal; the same image runs the worker and beat.
FROM node:20-bookworm-slim AS assets
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PORTAL_VAR_DIR=/var/lib/portal
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends gettext && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /app portal && mkdir -p /var/lib/portal && chown portal /var/lib/portal
COPY pyproject.toml README.md ./
COPY portal/ portal/
COPY supervision/ supervision/
COPY disclosure/ disclosure/
COPY approvals/ approvals/
COPY petitions/ petitions/
COPY evaluation/ evaluation/
RUN pip install --no-cache-dir .
COPY . .
COPY --from=assets /app/node_modules node_modules
RUN SECRET_KEY=build-only python manage.py collectstatic --noinput --verbosity 0
USER portal
EXPOSE 8000
CMD ["gunicorn", "portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
