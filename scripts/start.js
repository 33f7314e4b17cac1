#!/usr/bin/env node
// `npm start`: builds the API and the web application when their compiled output is missing or older than
// their sources, then runs the API (which serves the web application at /app/).
'use strict';
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const stamp = join(root, 'dist', '.build-stamp');

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

const sources = ['src', 'migrations', 'scripts', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].map((p) => newest(join(root, p)));
if (!existsSync(stamp) || Math.max(...sources) > statSync(stamp).mtimeMs) {
  console.log('Building…');
  execFileSync(process.execPath, [require.resolve('@nestjs/cli/bin/nest.js'), 'build'], { cwd: root, stdio: 'inherit' });
  writeFileSync(stamp, new Date().toISOString() + '\n');
}

// The web application (web/ → dist/web): only where its build tools are installed (not in a production image, which ships dist/web).
const webStamp = join(root, 'dist', 'web', 'index.html'); // written by every web build (npm run build too)
const webSources = ['web', 'package-lock.json'].map((p) => newest(join(root, p)));
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
if (existsSync(vite) && (!existsSync(webStamp) || Math.max(...webSources) > statSync(webStamp).mtimeMs)) {
  console.log('Building the web application…');
  execFileSync(process.execPath, [vite, 'build', '-c', join(root, 'web', 'vite.config.mts'), '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
require(join(root, 'dist', 'src', 'main.js'));
