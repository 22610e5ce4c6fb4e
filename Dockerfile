# syntax=docker/dockerfile:1
# The CMS as a production image: build (TypeScript and the admin panel) with every dependency, then ship only the
# production dependencies, run as the unprivileged `node` user. Untested here (no Docker on these machines).
# Node 22 is an LTS line maintained until April 2027; Strapi 5.54 supports Node 20, 22 and 24.
ARG NODE_VERSION=22

FROM node:${NODE_VERSION}-bookworm-slim AS build
# Tools to compile native modules (better-sqlite3, sharp) when no prebuilt binary fits.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ENV NODE_ENV=production
RUN npm run build \
 && npm ci --omit=dev --no-audit --no-fund \
 && npm cache clean --force

FROM node:${NODE_VERSION}-bookworm-slim
# The heap `npm start` gives the server (package.json config.heapMegabytes): without it V8 sizes the heap from the
# host's memory, not the container's limit.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=1337 \
    NODE_OPTIONS=--max-old-space-size=384
WORKDIR /opt/app
COPY --from=build --chown=node:node /opt/app/node_modules ./node_modules
COPY --from=build --chown=node:node /opt/app/dist ./dist
COPY --from=build --chown=node:node /opt/app/package.json /opt/app/tsconfig.json /opt/app/openapi.json ./
COPY --from=build --chown=node:node /opt/app/public ./public
COPY --from=build --chown=node:node /opt/app/database ./database
# Lexicons, support messages, trusted domains and the labelled comments the learned models start from.
COPY --from=build --chown=node:node /opt/app/data ./data
RUN mkdir -p public/uploads .tmp && chown node:node public/uploads .tmp
USER node
EXPOSE 1337
# Liveness for Docker; load balancers should route on /_ready (database and Redis reachable).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 1337) + '/_health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node_modules/.bin/strapi", "start"]
