import type { Action } from './deck-state.js';

/**
 * A key as the bindings name it: a printable character as typed (`g`, `G`, `?`), or one of the
 * named keys below. Names are lowercase, modifiers joined with `+` (`ctrl+c`).
 */
export type KeyName = string;

/** The parts of Ink's `Key` that name a key (a structural subset, so tests need no Ink). */
export interface KeyFlags {
  readonly upArrow: boolean;
  readonly downArrow: boolean;
  readonly leftArrow: boolean;
  readonly rightArrow: boolean;
  readonly pageDown: boolean;
  readonly pageUp: boolean;
  readonly home: boolean;
  readonly end: boolean;
  readonly return: boolean;
  readonly escape: boolean;
  readonly ctrl: boolean;
  readonly backspace: boolean;
  readonly delete: boolean;
  readonly tab: boolean;
  /** Alt (Meta) was held, or an ESC came just before the key in the same read. */
  readonly meta: boolean;
  /** Shift was held; only Shift-Tab reads it (an uppercase letter is its own key). */
  readonly shift?: boolean;
}

/** No key flag set: plain typed text. */
export const NO_KEY_FLAGS: KeyFlags = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  backspace: false,
  delete: false,
  tab: false,
  meta: false,
  shift: false,
};

/** The two kinds of view: the audience view (projector) and the presenter view (notes, timer). */
export type View = 'audience' | 'presenter';

/**
 * The name of an action a key can be bound to, as a key file writes it (`next`, `blank`,
 * `search`). Stable: key files name them.
 */
export type ActionName = (typeof ACTION_NAMES)[number];

/** One row of the key map: what it does, which keys do it, and how help describes it. */
export interface KeyBinding {
  /** The action's name in a key file. */
  readonly name: ActionName;
  readonly action: Action;
  readonly keys: readonly KeyName[];
  readonly description: string;
  /** Views the keys work in; all views when absent. */
  readonly views?: readonly View[];
  /**
   * The help shows these keys on the row of the named action, after a `/`, whose description
   * says what both do (`b . / w ,  blank the audience black / white`): a help that fits 80x24.
   */
  readonly joinsRow?: ActionName;
  /** What the help's row says when another action's keys join it (`joinsRow`): what both do. */
  readonly joinedDescription?: string;
}

/**
 * The default key map: the single source for input handling, the help overlay, the footer hint,
 * the key file's action names and its JSON Schema. Vim keys (`h j k l`, `g`/`G`) follow less(1)
 * and vi. Presenter remotes (Logitech R400/R500/R800, Kensington, Targus, laser-pointer clickers)
 * send Page Down/Up, arrows, F5 or Shift-F5 from their "start" button, Esc, `.` or `b` from their
 * "blank" button and sometimes Tab; each does here what PowerPoint and Keynote do with it.
 */
export const DEFAULT_KEY_BINDINGS: readonly KeyBinding[] = [
  {
    name: 'next',
    action: { type: 'next' },
    keys: ['right', 'down', 'space', 'l', 'j', 'pagedown', 'tab'],
    description: 'next step or slide',
  },
  { name: 'confirm', action: { type: 'confirm' }, keys: ['enter'], description: 'next step or slide; after digits, go to that slide' },
  {
    name: 'previous',
    action: { type: 'previous' },
    keys: ['left', 'up', 'h', 'k', 'pageup', 'shift+tab'],
    description: 'previous step or slide',
  },
  { name: 'erase', action: { type: 'backspace' }, keys: ['backspace'], description: 'previous step or slide; erases a typed digit' },
  { name: 'first', action: { type: 'first' }, keys: ['g', 'home'], description: 'first slide' },
  { name: 'last', action: { type: 'last' }, keys: ['G', 'end'], description: 'last slide' },
  { name: 'jump-back', action: { type: 'jumpBack' }, keys: ["'"], description: 'back to where the talk was before a jump' },
  { name: 'search', action: { type: 'openSearch' }, keys: ['/'], description: 'search the slides; Enter jumps, Esc cancels' },
  {
    name: 'blank',
    action: { type: 'blank', screen: 'black' },
    keys: ['b', '.'],
    description: 'blank the audience screen black; again, Esc or a move brings the slide back',
    joinedDescription: 'blank the audience black / white; a move un-blanks',
  },
  {
    name: 'blank-white',
    action: { type: 'blank', screen: 'white' },
    keys: ['w', ','],
    description: 'blank the audience screen white; again, Esc or a move brings the slide back',
    joinsRow: 'blank',
  },
  { name: 'start', action: { type: 'start' }, keys: ['f5', 'shift+f5'], description: 'start: the timer runs, the screen un-blanks' },
  { name: 'notes', action: { type: 'toggleNotes' }, keys: ['n'], description: 'show or hide speaker notes', views: ['audience'] },
  {
    name: 'notes-down',
    action: { type: 'scrollNotes', pages: 1 },
    keys: ['d'],
    description: 'scroll the notes down a page',
    joinedDescription: 'scroll the notes a page down / up',
  },
  {
    name: 'notes-up',
    action: { type: 'scrollNotes', pages: -1 },
    keys: ['u'],
    description: 'scroll the notes up a page',
    joinsRow: 'notes-down',
  },
  {
    name: 'timer',
    action: { type: 'toggleTimer' },
    keys: ['t'],
    description: 'start or pause the timer',
    joinedDescription: 'timer: pause or run / skip optional slides / reset',
    views: ['presenter'],
  },
  {
    name: 'skip',
    action: { type: 'skipOptional' },
    keys: ['s'],
    description: 'skip the next run of optional slides',
    views: ['presenter'],
    joinsRow: 'timer',
  },
  {
    name: 'reset-timer',
    action: { type: 'resetTimer' },
    keys: ['r'],
    description: 'reset the timer',
    views: ['presenter'],
    joinsRow: 'timer',
  },
  {
    name: 'overview',
    action: { type: 'toggleOverview' },
    keys: ['o'],
    description: 'overview: choose by arrows or number, Enter jumps',
  },
  { name: 'errors', action: { type: 'toggleErrors' }, keys: ['e'], description: 'after an invalid save: every problem and its lines' },
  { name: 'help', action: { type: 'toggleHelp' }, keys: ['?'], description: 'this help' },
  { name: 'close', action: { type: 'back' }, keys: ['escape'], description: 'close what is open; with nothing open, twice quits' },
  {
    name: 'quit',
    action: { type: 'quit' },
    keys: ['q'],
    description: 'quit (in the help: close it)',
    joinedDescription: 'quit (in the help: close it); Ctrl-C exits 130',
  },
  /** In raw mode Ctrl-Z is a key, not SIGTSTP; it still suspends, as in any shell with job control. */
  { name: 'suspend', action: { type: 'suspend' }, keys: ['ctrl+z'], description: 'suspend to the shell; fg resumes' },
];

/** Every action name a key file may bind, in the table's order. */
export const ACTION_NAMES = [
  'next',
  'confirm',
  'previous',
  'erase',
  'first',
  'last',
  'jump-back',
  'search',
  'blank',
  'blank-white',
  'start',
  'notes',
  'notes-down',
  'notes-up',
  'timer',
  'skip',
  'reset-timer',
  'overview',
  'errors',
  'help',
  'close',
  'quit',
  'suspend',
] as const;

/**
 * Ctrl-C, bound whatever a key file says: in raw mode it is a key, not SIGINT, and it still
 * quits with SIGINT's status, 130 (128 + 2, the shell's convention).
 */
export const CTRL_C_BINDING = {
  keys: ['ctrl+c'],
  action: { type: 'quit', status: 130 },
  description: 'quit (exit status 130, as for SIGINT)',
  joinsRow: 'quit',
} as const satisfies { keys: readonly KeyName[]; action: Action; description: string; joinsRow: ActionName };

/**
 * The bindings in effect: the defaults, or the defaults as a key file changed them. Built once
 * (keyMapOf) and passed down, so input, help and hints read one table.
 */
export interface KeyMap {
  /** Every binding, in the default table's order; an action may have no keys left. */
  readonly bindings: readonly KeyBinding[];
  /** Key to action, per view (Ctrl-C included). */
  readonly byView: Readonly<Record<View, ReadonlyMap<KeyName, Action>>>;
}

/**
 * The key map of `bindings`.
 *
 * @throws {Error} If one key is bound to two actions in one view: key files are checked for that
 *   first (see loadKeyFile), so this is a programming error.
 */
export function keyMapOf(bindings: readonly KeyBinding[]): KeyMap {
  const byKey = (view: View) => {
    const map = new Map<KeyName, Action>();
    for (const binding of bindings) {
      if (binding.views !== undefined && !binding.views.includes(view)) continue;
      for (const key of binding.keys) {
        if (map.has(key)) throw new Error(`key ${key} is bound twice in the ${view} view`);
        map.set(key, binding.action);
      }
    }
    for (const key of CTRL_C_BINDING.keys) map.set(key, CTRL_C_BINDING.action);
    return map;
  };
  return { bindings, byView: { audience: byKey('audience'), presenter: byKey('presenter') } };
}

/** The default key map. */
export const DEFAULT_KEY_MAP: KeyMap = keyMapOf(DEFAULT_KEY_BINDINGS);

/** A binding as the help lists it. */
export interface HelpBinding {
  readonly name?: ActionName;
  readonly keys: readonly KeyName[];
  readonly description: string;
  readonly joinsRow?: ActionName;
  readonly joinedDescription?: string;
}

/** The bindings with keys that work in `view`, in table order, Ctrl-C's after quit's. */
export function bindingsFor(view: View, keyMap: KeyMap = DEFAULT_KEY_MAP): HelpBinding[] {
  const bindings: HelpBinding[] = keyMap.bindings.filter(
    (binding) => binding.keys.length > 0 && (binding.views === undefined || binding.views.includes(view)),
  );
  const quit = bindings.findIndex((binding) => binding.name === 'quit');
  bindings.splice(quit === -1 ? bindings.length : quit + 1, 0, CTRL_C_BINDING);
  return bindings;
}

/** The first key bound to the action named `name` in `keyMap`, for a hint (`? help`); undefined when it has none. */
export function firstKeyOf(name: ActionName, keyMap: KeyMap = DEFAULT_KEY_MAP): KeyName | undefined {
  return keyMap.bindings.find((binding) => binding.name === name)?.keys[0];
}

/** Help row for the digit keys, which the table cannot list as one action each. */
export const DIGIT_KEYS_HELP = { keys: ['0-9'], description: 'type a slide number, then Enter' } as const;

/** How the help overlay shows the named keys. */
const KEY_LABELS: Readonly<Record<string, string>> = {
  right: '→',
  left: '←',
  up: '↑',
  down: '↓',
  pagedown: 'PgDn',
  pageup: 'PgUp',
  home: 'Home',
  end: 'End',
  enter: 'Enter',
  space: 'space',
  tab: 'Tab',
  'shift+tab': 'Shift-Tab',
  backspace: 'Backspace',
  escape: 'Esc',
};

/** The label of a key for help and hints: `→`, `PgDn`, `Ctrl-C`, `F5`, `Shift-F5`, or the character itself. */
export function keyLabel(name: KeyName): string {
  const label = KEY_LABELS[name];
  if (label !== undefined) return label;
  if (name.length === 1) return name;
  return name
    .split('+')
    .map((part) => (/^f\d+$/.test(part) ? part.toUpperCase() : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('-');
}

/** Keys typed as characters, when several arrive in one read. */
const CHARACTER_KEYS: Readonly<Record<string, KeyName>> = {
  '\r': 'enter',
  '\n': 'enter',
  '\u007F': 'backspace',
  '\b': 'backspace',
  '\u0003': 'ctrl+c',
  '\u001A': 'ctrl+z',
  '\u001B': 'escape',
  '\t': 'tab',
  ' ': 'space',
};

/**
 * How long a lone Esc waits for the rest of a key's escape sequence, in milliseconds. An arrow
 * key is ESC [ C; over a slow link or a loaded machine the ESC can arrive alone, a few
 * milliseconds before `[C`, and Ink then reports Esc, which at the top level quits the talk.
 * Terminal programs wait for the rest the same way: vim's ttimeoutlen (100 ms in defaults.vim),
 * tmux's escape-time (10 ms since tmux 3.5), ncurses' ESCDELAY.
 */
export const ESCAPE_DELAY_MS = 50;

/** What an escape sequence names, without its ESC, when it arrived in parts (see ESCAPE_DELAY_MS). */
const SEQUENCE_TAILS: Readonly<Record<string, KeyName>> = {
  '[A': 'up',
  '[B': 'down',
  '[C': 'right',
  '[D': 'left',
  OA: 'up',
  OB: 'down',
  OC: 'right',
  OD: 'left',
  '[H': 'home',
  '[F': 'end',
  OH: 'home',
  OF: 'end',
  '[1~': 'home',
  '[4~': 'end',
  '[5~': 'pageup',
  '[6~': 'pagedown',
};

/**
 * The start of an escape sequence whose rest has not arrived: a lone Esc (`text` empty), or what
 * Ink hands over of an unfinished control sequence when the read ended inside it (`[`, `[1`,
 * `[12;`, `O`), without its ESC.
 */
export interface PendingSequence {
  readonly text: string;
  readonly isLoneEscape: boolean;
  /**
   * The start of a string sequence (OSC, DCS, APC, PM, SOS: a reply the terminal sends, never a
   * key), which runs to BEL or ST (ECMA-48 8.3.89). Ink 8 hands over its introducer as an Alt
   * key (`ESC ]` as Alt+`]`) and the rest as typed text, whose digits would start a jump.
   */
  readonly isString?: boolean;
}

/** The end of a string sequence: BEL, or ST (ESC \\), as Ink passes it on with or without its ESC. */
// eslint-disable-next-line no-control-regex -- BEL and ESC are what the pattern is for.
const STRING_TERMINATOR = /\u0007|\u001B?\\/;

/** Whether input from Ink (with its key flags) is an unfinished escape sequence; see PendingSequence. */
export function pendingSequenceOf(input: string, key: KeyFlags): PendingSequence | undefined {
  if (key.escape && input === '') return { text: '', isLoneEscape: true };
  if (key.meta && !key.ctrl && /^[\]P_^X]$/.test(input)) return { text: input, isLoneEscape: false, isString: true };
  if (!key.ctrl && (/^\[[0-9;:<=>?]*$/.test(input) || input === 'O')) return { text: input, isLoneEscape: false };
  return undefined;
}

/**
 * What input that came within ESCAPE_DELAY_MS of a pending sequence means:
 * - `sequence`: with the pending part it completes a control sequence (CSI, SS3, or a string
 *   sequence such as an OSC reply after a lone ESC); `key` is what it names when the app binds it
 *   (arrows, Home, End, Page Up/Down), `sequence` the whole of it without ESC (`[6~`), and
 *   `rest` whatever came after it in the same read;
 * - `pending`: still unfinished, wait again;
 * - `unrelated`: a key of its own (the pending part was a real Esc, or is dropped).
 */
export function continueSequence(
  pending: PendingSequence,
  input: string,
):
  | { readonly kind: 'sequence'; readonly sequence: string; readonly key?: KeyName; readonly rest: string }
  | { readonly kind: 'pending'; readonly pending: PendingSequence }
  | { readonly kind: 'unrelated' } {
  const combined = pending.text + input;
  if (pending.isString === true) {
    const end = STRING_TERMINATOR.exec(combined);
    if (end === null) return { kind: 'pending', pending: { ...pending, text: combined } };
    const length = end.index + end[0].length;
    return { kind: 'sequence', sequence: combined.slice(0, length), rest: combined.slice(length) };
  }
  // ECMA-48: CSI is parameter bytes 0x30-0x3F, intermediates 0x20-0x2F, a final byte 0x40-0x7E.
  const complete = /^(\[[0-?]*[ -/]*[@-~]|O[ -~])/.exec(combined);
  if (complete?.[1] !== undefined) {
    const sequence = complete[1];
    return { kind: 'sequence', sequence, key: SEQUENCE_TAILS[sequence] ?? functionKeyOf(sequence), rest: combined.slice(sequence.length) };
  }
  if (/^(\[[0-?]*[ -/]*|O)$/.test(combined)) return { kind: 'pending', pending: { text: combined, isLoneEscape: false } };
  // OSC, DCS, APM, PM, SOS: replies a terminal sends, never keys.
  if (pending.isLoneEscape && /^[\]P_^X]/.test(input)) return { kind: 'sequence', sequence: input, rest: '' };
  return { kind: 'unrelated' };
}

/** Name of a key with no character and no flag of its own: a function key, Insert. */
export const OTHER_KEY: KeyName = 'other';

/**
 * Names the keys in one input event from Ink, in order.
 *
 * Ink hands over a run of plain characters read together as one event (`5\r` when `5` and
 * Enter arrive in one read, `jjj` from key repeat while a frame renders), so such a run is one
 * key per character: nothing typed is lost or merged. An escape sequence is always an event of
 * its own, and Ink strips only its ESC, so an event that starts with `[`, `O` or `]` is a
 * terminal report or an unknown key (`[12;40R` cursor position, `[I` focus, `[<0;3;4M` mouse)
 * and names no key: it can never act or add digits to a jump.
 *
 * Backspace arrives as DEL (0x7f) from most terminals, which Ink reports as `delete`; both mean
 * Backspace here (see the TODO in Ink's parse-keypress). Ctrl with anything but a character, and
 * Alt with any key, name the unbound OTHER_KEY: no accidental Alt+q ends the talk.
 */
export function keyNamesOf(input: string, key: KeyFlags, sequence?: string): KeyName[] {
  // Ctrl with a named key (Ctrl+Right) is bound to nothing, but is a key: it closes the help.
  if (key.ctrl) return input.length === 1 ? [`ctrl+${input.toLowerCase()}`] : [OTHER_KEY];
  // Alt with a key is bound to nothing, but is a key: Alt+q must not end the talk, nor Alt+Right
  // move it. Ink marks a lone Esc as meta too; that one is the Esc key.
  if (key.meta && !key.escape) return [OTHER_KEY];
  if (key.rightArrow) return ['right'];
  if (key.leftArrow) return ['left'];
  if (key.upArrow) return ['up'];
  if (key.downArrow) return ['down'];
  if (key.pageDown) return ['pagedown'];
  if (key.pageUp) return ['pageup'];
  if (key.home) return ['home'];
  if (key.end) return ['end'];
  if (key.return) return ['enter'];
  if (key.escape) return ['escape'];
  if (key.backspace || key.delete) return ['backspace'];
  if (key.tab) return [key.shift === true ? 'shift+tab' : 'tab'];
  if (input.length > 1 && /^[[O\]]/.test(input)) return [];
  // Ink hands over a key it names but has no flag for (F1–F12, Insert) as an empty input; the
  // sequence it came as names the function keys.
  if (input === '') return [(sequence === undefined ? undefined : functionKeyOf(sequence)) ?? OTHER_KEY];
  return [...input].flatMap((character) => {
    const named = CHARACTER_KEYS[character];
    if (named !== undefined) return [named];
    return character >= ' ' && character !== '\u007F' ? [character] : [];
  });
}

/** Function keys by the number in their `ESC [ n ~` sequence (xterm, rxvt, VT220; ECMA-48 private sequences). */
const FUNCTION_KEY_CODES: Readonly<Record<string, number>> = {
  11: 1,
  12: 2,
  13: 3,
  14: 4,
  15: 5,
  17: 6,
  18: 7,
  19: 8,
  20: 9,
  21: 10,
  23: 11,
  24: 12,
};
/** Shifted function keys as rxvt sends them (`ESC [ 28 ~` for Shift-F5; rxvt-unicode's manual, "Key Codes"). */
const RXVT_SHIFTED_CODES: Readonly<Record<string, number>> = { 25: 3, 26: 4, 28: 5, 29: 6, 31: 7, 32: 8, 33: 9, 34: 10 };
/** F1–F4 as SS3 (`ESC O P`…) or CSI with modifiers (`ESC [ 1 ; 2 P`), and F1–F5 of the Linux console (`ESC [ [ A`…). */
const FUNCTION_KEY_FINALS: Readonly<Record<string, number>> = { P: 1, Q: 2, R: 3, S: 4 };
const LINUX_CONSOLE_FINALS: Readonly<Record<string, number>> = { A: 1, B: 2, C: 3, D: 4, E: 5 };

/**
 * The name of the function key (`f5`, `shift+f5`) that the escape sequence `sequence` (with or
 * without its ESC) is, or undefined. Shift is xterm's modifier parameter 2 (`ESC [ 15 ; 2 ~`,
 * xterm ctlseqs "PC-Style Function Keys"); other modifiers name no key we bind.
 */
export function functionKeyOf(sequence: string): KeyName | undefined {
  // eslint-disable-next-line no-control-regex -- ESC is what is stripped.
  const text = sequence.replace(/^\u001B+/, '');
  let number: number | undefined;
  let modifier = 1;
  let match = /^\[(\d+)(?:;(\d+))?~$/.exec(text);
  if (match !== null) {
    number = FUNCTION_KEY_CODES[match[1] ?? ''];
    modifier = Number(match[2] ?? 1);
    const shifted = RXVT_SHIFTED_CODES[match[1] ?? ''];
    if (number === undefined && shifted !== undefined && match[2] === undefined) return `shift+f${shifted}`;
  } else if ((match = /^(?:O|\[1;(\d+))([PQRS])$/.exec(text)) !== null) {
    number = FUNCTION_KEY_FINALS[match[2] ?? ''];
    modifier = Number(match[1] ?? 1);
  } else if ((match = /^\[\[([A-E])$/.exec(text)) !== null) {
    number = LINUX_CONSOLE_FINALS[match[1] ?? ''];
  }
  if (number === undefined) return undefined;
  if (modifier === 1) return `f${number}`;
  return modifier === 2 ? `shift+f${number}` : undefined;
}

/**
 * The action for a named key in `view` of `keyMap`: a bound action, a digit of a slide-number
 * jump, or `undefined`.
 */
export function actionForKey(name: KeyName | undefined, view: View = 'audience', keyMap: KeyMap = DEFAULT_KEY_MAP): Action | undefined {
  if (name === undefined) return undefined;
  if (/^[0-9]$/.test(name)) return { type: 'typeDigit', digit: name };
  return keyMap.byView[view].get(name);
}
