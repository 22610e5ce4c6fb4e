'use strict';

// The server side is TypeScript, compiled with the app (tsconfig.json) into its dist/ folder.
const path = require('path');

module.exports = require(path.join(strapi.dirs.dist.src, 'plugins', 'schedule-panel', 'server', 'src')).default;
