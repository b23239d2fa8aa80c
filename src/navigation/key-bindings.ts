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
};

/** The two kinds of view: the audience view (projector) and the presenter view (notes, timer). */
export type View = 'audience' | 'presenter';

/** One row of the key map: what it does, which keys do it, and how help describes it. */
export interface KeyBinding {
  readonly action: Action;
  readonly keys: readonly KeyName[];
  readonly description: string;
  /** Views the keys work in; all views when absent. */
  readonly views?: readonly View[];
}

/**
 * The key map of the audience view: the single source for input handling, the help overlay and
 * the footer hint. Vim keys (`h j k l`, `g`/`G`) follow the convention of less(1) and vi.
 */
export const KEY_BINDINGS: readonly KeyBinding[] = [
  { action: { type: 'next' }, keys: ['right', 'down', 'space', 'l', 'j', 'pagedown'], description: 'next step or slide' },
  { action: { type: 'confirm' }, keys: ['enter'], description: 'next step or slide; after digits, go to that slide' },
  { action: { type: 'previous' }, keys: ['left', 'up', 'h', 'k', 'pageup'], description: 'previous step or slide' },
  { action: { type: 'backspace' }, keys: ['backspace'], description: 'previous step or slide; erases a typed digit' },
  { action: { type: 'first' }, keys: ['g', 'home'], description: 'first slide' },
  { action: { type: 'last' }, keys: ['G', 'end'], description: 'last slide' },
  { action: { type: 'toggleNotes' }, keys: ['n'], description: 'show or hide speaker notes', views: ['audience'] },
  { action: { type: 'scrollNotes', pages: 1 }, keys: ['d'], description: 'scroll the notes down a page', views: ['audience', 'presenter'] },
  { action: { type: 'scrollNotes', pages: -1 }, keys: ['u'], description: 'scroll the notes up a page', views: ['audience', 'presenter'] },
  { action: { type: 'toggleTimer' }, keys: ['t'], description: 'start or pause the timer', views: ['presenter'] },
  { action: { type: 'resetTimer' }, keys: ['r'], description: 'reset the timer', views: ['presenter'] },
  { action: { type: 'toggleOverview' }, keys: ['o'], description: 'overview: arrows or a slide number to choose, Enter to jump' },
  { action: { type: 'toggleErrors' }, keys: ['e'], description: 'after an invalid save: every problem, with its source lines' },
  { action: { type: 'toggleHelp' }, keys: ['?'], description: 'this help' },
  { action: { type: 'back' }, keys: ['escape'], description: 'close the overlay, or quit' },
  { action: { type: 'quit' }, keys: ['q'], description: 'quit' },
  /** In raw mode Ctrl-C is a key, not SIGINT; it still exits with SIGINT's status, 130. */
  { action: { type: 'quit', status: 130 }, keys: ['ctrl+c'], description: 'quit (exit status 130, as for SIGINT)' },
  /** In raw mode Ctrl-Z is a key, not SIGTSTP; it still suspends, as in any shell with job control. */
  { action: { type: 'suspend' }, keys: ['ctrl+z'], description: 'suspend to the shell; fg resumes' },
];

/** The bindings that work in `view`, in table order. */
export function bindingsFor(view: View): KeyBinding[] {
  return KEY_BINDINGS.filter((binding) => binding.views === undefined || binding.views.includes(view));
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
  backspace: 'Backspace',
  escape: 'Esc',
  'ctrl+c': 'Ctrl-C',
  'ctrl+z': 'Ctrl-Z',
};

/** The label of a key for help and hints: `→`, `PgDn`, `Ctrl-C`, or the character itself. */
export function keyLabel(name: KeyName): string {
  return KEY_LABELS[name] ?? name;
}

const ACTIONS_BY_VIEW: Readonly<Record<View, ReadonlyMap<KeyName, Action>>> = {
  audience: actionsByKey('audience'),
  presenter: actionsByKey('presenter'),
};

function actionsByKey(view: View): ReadonlyMap<KeyName, Action> {
  return new Map(bindingsFor(view).flatMap((binding) => binding.keys.map((key) => [key, binding.action] as const)));
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
    return { kind: 'sequence', sequence, key: SEQUENCE_TAILS[sequence], rest: combined.slice(sequence.length) };
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
export function keyNamesOf(input: string, key: KeyFlags): KeyName[] {
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
  if (key.tab) return ['tab'];
  if (input.length > 1 && /^[[O\]]/.test(input)) return [];
  // Ink hands over a key it names but has no flag for (F1–F12, Insert) as an empty input.
  if (input === '') return [OTHER_KEY];
  return [...input].flatMap((character) => {
    const named = CHARACTER_KEYS[character];
    if (named !== undefined) return [named];
    return character >= ' ' && character !== '\u007F' ? [character] : [];
  });
}

/**
 * The action for a named key in `view`: a bound action, a digit of a slide-number jump, or
 * `undefined`.
 */
export function actionForKey(name: KeyName | undefined, view: View = 'audience'): Action | undefined {
  if (name === undefined) return undefined;
  if (/^[0-9]$/.test(name)) return { type: 'typeDigit', digit: name };
  return ACTIONS_BY_VIEW[view].get(name);
}
