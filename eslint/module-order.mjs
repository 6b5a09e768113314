// A lint rule that keeps imports pointing down a declared order of the code's modules (issue 16, section 3).
// Zero dependencies: eslint-plugin-import does not support ESLint 10, and eslint-plugin-boundaries would
// bring a resolver and five packages for what is a lookup of two folder names.
import path from 'node:path';

/**
 * The module of a file: `src/modules/<name>/…` is <name>, `src/<dir>/…` is <dir>; null for what
 * is outside src/, for the entry points and root modules at the top of src/, and for the given roots.
 */
function moduleOf(file, srcDir, roots) {
  const rel = path.relative(srcDir, file).split(path.sep);
  if (rel[0] === '..' || rel.length < 2) {
    return null;
  }
  const name = rel[0] === 'modules' ? rel[1] : rel[0];
  return roots.includes(name) ? null : name;
}

export default {
  rules: {
    'module-order': {
      meta: {
        type: 'problem',
        docs: { description: 'A module imports only modules of its own layer or of the layers below it.' },
        schema: [
          {
            type: 'object',
            properties: {
              layers: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
              roots: { type: 'array', items: { type: 'string' } },
            },
            additionalProperties: false,
          },
        ],
        messages: {
          upward:
            "'{{from}}' (layer {{fromLayer}}) imports '{{to}}' (layer {{toLayer}}), which is above it: invert it with a port owned by '{{from}}', or move the code down.",
          unplaced: "'{{name}}' is in no layer of the module order in eslint.config.mjs: place it there.",
        },
      },
      create(context) {
        const { layers = [], roots = [] } = context.options[0] ?? {};
        const layerOf = new Map(layers.flatMap((names, i) => names.map((n) => [n, i])));
        const srcDir = path.join(context.cwd, 'src');
        const from = moduleOf(context.filename, srcDir, roots);
        if (from === null) {
          return {};
        }
        const check = (node, source) => {
          if (typeof source !== 'string' || !source.startsWith('.')) {
            return;
          }
          const to = moduleOf(path.resolve(path.dirname(context.filename), source), srcDir, roots);
          if (to === null || to === from) {
            return;
          }
          for (const name of [from, to]) {
            if (!layerOf.has(name)) {
              context.report({ node, messageId: 'unplaced', data: { name } });
              return;
            }
          }
          if (layerOf.get(to) > layerOf.get(from)) {
            context.report({
              node,
              messageId: 'upward',
              data: { from, to, fromLayer: layerOf.get(from) + 1, toLayer: layerOf.get(to) + 1 },
            });
          }
        };
        return {
          ImportDeclaration: (node) => check(node.source, node.source.value),
          ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
          ExportAllDeclaration: (node) => check(node.source, node.source.value),
          ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
        };
      },
    },
  },
};
