/** The API's version, from package.json (read once). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config';

export const API_VERSION: string = (
  JSON.parse(readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as { version: string }
).version;
