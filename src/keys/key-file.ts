import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as z from 'zod';
import { DeckError, type Diagnostic } from '../deck/deck-error.js';
import { formatPath, type PathSegment } from '../deck/field-path.js';
import { readDeckTextSync, readYamlData, sortedByPlace } from '../deck/load-deck.js';
import { issueDiagnostics, offsetOfPath, type IssueShape } from '../deck/place-issues.js';
import {
  ACTION_NAMES,
  DEFAULT_KEY_BINDINGS,
  keyMapOf,
  type ActionName,
  type KeyBinding,
  type KeyMap,
  type KeyName,
  type View,
} from '../navigation/key-bindings.js';
import { closest } from '../text/closest.js';
import { escapeControls } from '../deck/sanitize.js';

/** Keys with a name, as a key file writes them; any other key is one character (`x`, `G`, `?`). */
export const NAMED_KEYS: readonly KeyName[] = [
  'right',
  'left',
  'up',
  'down',
  'pageup',
  'pagedown',
  'home',
  'end',
  'enter',
  'space',
  'tab',
  'shift+tab',
  'backspace',
  'escape',
  ...Array.from({ length: 12 }, (_, index) => `f${index + 1}`),
  ...Array.from({ length: 12 }, (_, index) => `shift+f${index + 1}`),
  // Ctrl with a letter; not Ctrl-H, -I, -J, -M, which terminals send as Backspace, Tab and Enter,
  // nor Ctrl-C, which always quits.
  ...[...'abdefgklnopqrstuvwxyz'].map((letter) => `ctrl+${letter}`),
];

/** Ctrl keys a terminal sends as the byte of another key (ASCII control codes), which is what arrives. */
const TERMINAL_SENDS: Readonly<Record<string, KeyName>> = {
  'ctrl+h': 'backspace',
  'ctrl+i': 'tab',
  'ctrl+j': 'enter',
  'ctrl+m': 'enter',
  'ctrl+[': 'escape',
};

/** Names people write for keys, and the name inkdeck gives them, for "did you mean". */
const KEY_NAME_ALIASES: Readonly<Record<string, KeyName>> = {
  esc: 'escape',
  return: 'enter',
  pgdn: 'pagedown',
  pgup: 'pageup',
  'page-down': 'pagedown',
  'page-up': 'pageup',
  arrowright: 'right',
  arrowleft: 'left',
  arrowup: 'up',
  arrowdown: 'down',
  bs: 'backspace',
  ' ': 'space',
};

/**
 * What is wrong with `key` as a key file names a key, or undefined when it names one: a single
 * printable character but a digit (digits type a slide number), or one of NAMED_KEYS.
 */
export function keyNameProblem(key: string): string | undefined {
  if (key === 'ctrl+c') return 'Ctrl-C always quits the talk; it cannot be bound';
  const sentAs = TERMINAL_SENDS[key.toLowerCase()];
  if (sentAs !== undefined) return `terminals send ${key} as ${sentAs}; bind ${sentAs}`;
  if (/^(shift\+)?f\d+$/i.test(key) && !NAMED_KEYS.includes(key))
    return `"${escapeControls(key)}" is not a key; function keys go from f1 to f12`;
  if ([...key].length === 1) {
    if (/^[0-9]$/.test(key)) return `"${key}" types a slide number; digits cannot be bound`;
    return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(key)
      ? undefined
      : `"${escapeControls(key)}" is not a key; write a character, or a name such as space`;
  }
  if (NAMED_KEYS.includes(key)) return undefined;
  const meant = KEY_NAME_ALIASES[key.toLowerCase()] ?? closest(key, NAMED_KEYS);
  const hint =
    meant === undefined ? `; keys are one character, or one of: ${NAMED_KEYS.slice(0, 14).join(', ')}, f1-f12, shift+f1-f12, ctrl+a-z` : '';
  return `${meant === undefined ? '' : `did you mean "${meant}"? `}"${escapeControls(key)}" is not a key${hint}`;
}

function buildKeyFileSchema() {
  const KeyNameSchema = z
    .string()
    .superRefine((key, context) => {
      const problem = keyNameProblem(key);
      if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
    })
    .describe('a key: one character (x, G, ?), or a name: right, pagedown, space, tab, shift+tab, escape, f5, shift+f5, ctrl+n');

  /** One key, or a list of them. */
  const KeysSchema = z.union([KeyNameSchema, z.array(KeyNameSchema)], { error: 'expected a key, or a list of keys: [x, pagedown]' });

  const perAction = (description: string) =>
    z
      .strictObject(
        Object.fromEntries(ACTION_NAMES.map((name) => [name, KeysSchema.optional()])) as Record<
          ActionName,
          z.ZodOptional<typeof KeysSchema>
        >,
        {
          error: (issue) => (issue.code === 'invalid_type' ? 'expected action names, each with its keys: next: [x, pagedown]' : undefined),
        },
      )
      .describe(description);

  return z
    .strictObject(
      {
        defaults: z
          .enum(['true', 'false'], { error: 'expected true or false' })
          .optional()
          .describe('false: start from no key at all, only the keys this file binds (Ctrl-C still quits); true by default'),
        add: perAction('keys to add to an action, beside its default keys').optional(),
        set: perAction("an action's keys, in place of its default keys; [] leaves it without any").optional(),
        unbind: KeysSchema.optional().describe('keys to take from the actions they are bound to by default'),
      },
      { error: (issue) => (issue.code === 'invalid_type' ? 'expected the fields of a key file: add, set, unbind, defaults' : undefined) },
    )
    .describe('inkdeck key bindings');
}

let keyFileSchemaBuilt: ReturnType<typeof buildKeyFileSchema> | undefined;

/**
 * The schema of a key file: `$XDG_CONFIG_HOME/inkdeck/keys.yaml` (`~/.config/inkdeck/keys.yaml`
 * when unset), or `--keys FILE`, read with the same YAML rules as a deck (every scalar is text).
 * Built the first time a key file is read: most talks have none, and building it at start-up
 * cost every start about 3 ms.
 */
export function keyFileSchema(): ReturnType<typeof buildKeyFileSchema> {
  keyFileSchemaBuilt ??= buildKeyFileSchema();
  return keyFileSchemaBuilt;
}

export type KeyFile = z.infer<ReturnType<typeof buildKeyFileSchema>>;

/** The keys `keys` lists, as a list. */
function listOf(keys: string | readonly string[] | undefined): readonly string[] {
  if (keys === undefined) return [];
  return typeof keys === 'string' ? [keys] : keys;
}

/** The keys the mapping at `path` of a key file may have. */
function knownKeysAt(fieldPath: readonly PathSegment[]): readonly string[] {
  if (fieldPath.length === 0) return Object.keys(keyFileSchema().shape);
  return fieldPath.length === 1 && (fieldPath[0] === 'add' || fieldPath[0] === 'set') ? ACTION_NAMES : [];
}

/** A key file's mappings, for placing its problems: fields at the top, actions under add and set. */
const KEY_FILE_SHAPE: IssueShape = {
  knownKeysAt,
  hasExtensionKeys: false,
  keyNounAt: (fieldPath) => (fieldPath.length === 0 ? 'field' : 'action'),
};

/** Where a key of the file is bound: the action, and the path of the key in the file. */
interface Placed {
  readonly action: ActionName;
  readonly path: readonly PathSegment[];
}

/**
 * The key map a key file's `text` (read from `file`) gives: the defaults, less the keys it
 * unbinds, with each action in `set` given exactly its keys, and the keys in `add` added.
 * Ctrl-C always quits, whatever the file says.
 *
 * @throws {DeckError} With every problem, each at its place (`keys.yaml:3:9: add.next[1]: …`):
 *   YAML errors, unknown fields and actions (with the one meant), keys that are no keys (with the
 *   name meant), digits and Ctrl-C, and a key bound to two actions in one view.
 */
export function parseKeyFile(text: string, file: string): KeyMap {
  const { data, document, aliasTargets, at } = readYamlData(text, file, 'no key bindings: the file is empty');
  const result = keyFileSchema().safeParse(data);
  if (!result.success) {
    throw new DeckError(
      sortedByPlace(result.error.issues.flatMap((issue) => issueDiagnostics(document, aliasTargets, issue, at, KEY_FILE_SHAPE))),
    );
  }
  const keyFile = result.data;
  const unbound = new Set(listOf(keyFile.unbind));
  /** Where the file itself bound each key, for a conflict's place. */
  const placed = new Map<string, Placed>();
  const bindings: KeyBinding[] = DEFAULT_KEY_BINDINGS.map((binding) => {
    const set = keyFile.set?.[binding.name];
    const added = listOf(keyFile.add?.[binding.name]);
    const base = set !== undefined ? listOf(set) : keyFile.defaults === 'false' ? [] : binding.keys.filter((key) => !unbound.has(key));
    listOf(set).forEach((key, index) =>
      placed.set(`${binding.name} ${key}`, {
        action: binding.name,
        path: pathOf(keyFile.set?.[binding.name], ['set', binding.name], index),
      }),
    );
    added.forEach((key, index) =>
      placed.set(`${binding.name} ${key}`, {
        action: binding.name,
        path: pathOf(keyFile.add?.[binding.name], ['add', binding.name], index),
      }),
    );
    return { ...binding, keys: [...new Set([...base, ...added])] };
  });
  const problems = conflicts(bindings).map(({ key, actions }) => {
    const where = actions.map((action) => placed.get(`${action} ${key}`)).find((place) => place !== undefined);
    const offset = offsetOfPath(document, aliasTargets, where?.path ?? []);
    const [first, second] = actions;
    return at(
      offset,
      formatPath(where?.path ?? []),
      `key "${key}" would do both "${first}" and "${second}"; unbind it from one (unbind: [${JSON.stringify(key)}], or set: the other's keys)`,
    );
  });
  if (problems.length > 0) throw new DeckError(sortedByPlace(problems));
  return keyMapOf(bindings);
}

/** The path of key `index` of a field that is one key or a list of them. */
function pathOf(keys: string | readonly string[] | undefined, field: readonly PathSegment[], index: number): readonly PathSegment[] {
  return typeof keys === 'string' ? field : [...field, index];
}

/** Keys bound to two actions that work in one view, each once, with the actions in table order. */
function conflicts(bindings: readonly KeyBinding[]): { readonly key: KeyName; readonly actions: readonly ActionName[] }[] {
  const found = new Map<KeyName, ActionName[]>();
  const views: readonly View[] = ['audience', 'presenter'];
  for (const view of views) {
    const owner = new Map<KeyName, ActionName>();
    for (const binding of bindings) {
      if (binding.views !== undefined && !binding.views.includes(view)) continue;
      for (const key of binding.keys) {
        const other = owner.get(key);
        if (other === undefined) owner.set(key, binding.name);
        else if (other !== binding.name && !found.has(key)) found.set(key, [other, binding.name]);
      }
    }
  }
  return [...found].map(([key, actions]) => ({ key, actions }));
}

/**
 * Where inkdeck looks for the user's key file: `$XDG_CONFIG_HOME/inkdeck/keys.yaml`, or
 * `~/.config/inkdeck/keys.yaml` when XDG_CONFIG_HOME is unset, empty or relative (XDG Base
 * Directory Specification 0.8: relative paths are invalid and ignored).
 */
export function userKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  const config = env.XDG_CONFIG_HOME;
  const base = config !== undefined && path.isAbsolute(config) ? config : path.join(env.HOME ?? os.homedir(), '.config');
  return path.join(base, 'inkdeck', 'keys.yaml');
}

/** The key bindings a talk uses, and what was wrong with the key file if it could not be used. */
export interface LoadedKeys {
  readonly keyMap: KeyMap;
  /** The key file read, if any. */
  readonly file?: string;
  /** Its problems, when it had any: the defaults are used then. */
  readonly problems?: readonly Diagnostic[];
}

/**
 * The key bindings for a talk: those of `file` (`--keys`), else of the user's key file when there
 * is one, else the defaults. A key file with problems never stops a talk: its problems are
 * returned, and the defaults used.
 */
export function loadKeys(file: string | undefined, env: NodeJS.ProcessEnv = process.env): LoadedKeys {
  const chosen = file ?? userKeyFile(env);
  if (file === undefined && !existsSync(chosen)) return { keyMap: keyMapOf(DEFAULT_KEY_BINDINGS) };
  try {
    return { keyMap: parseKeyFile(readDeckTextSync(chosen), chosen), file: chosen };
  } catch (error) {
    if (error instanceof DeckError) return { keyMap: keyMapOf(DEFAULT_KEY_BINDINGS), file: chosen, problems: error.diagnostics };
    throw error;
  }
}

/** The JSON Schema of a key file, for editors, generated from the schema the loader validates with. */
export function keyFileJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(keyFileSchema(), { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  const properties = schema.properties as Record<string, Record<string, unknown>>;
  // Editors type YAML scalars; inkdeck reads `defaults` as the words true or false.
  if (properties.defaults !== undefined) properties.defaults = { type: 'boolean', description: properties.defaults.description };
  return { ...schema, title: 'inkdeck key bindings' };
}
