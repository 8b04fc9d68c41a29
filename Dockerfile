# Coplan's production image: see docs/deploy.md.
# Build stage: every dependency, then the SvelteKit build (build/).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# Runtime stage: production dependencies, the build, the migrations and the entry only.
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/var/lib/coplan
WORKDIR /app
COPY package.json package-lock.json ./
# No production dependency has an install script; skipping scripts also skips `prepare`
# (svelte-kit sync), which needs the dev dependencies and has nothing to do here.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/build ./build
COPY drizzle ./drizzle
# The entry runs as TypeScript (Node 24 strips the types); it imports only the handoff.
COPY server/main.ts ./server/main.ts
COPY src/lib/server/handoff.ts ./src/lib/server/handoff.ts
RUN mkdir -p /var/lib/coplan && chown node:node /var/lib/coplan
USER node
EXPOSE 3000
# Ready means the database answers (503 otherwise): the proxy stops sending people here.
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT || 3000}/readyz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM: stops taking edits, writes every document, closes the database (8 s at most).
STOPSIGNAL SIGTERM
CMD ["node", "server/main.ts"]
