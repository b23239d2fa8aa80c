import { describe, expect, it } from 'vitest';
import { readDeck } from '../src/deck/load-deck.js';
import { buildSlides, stepCountOf } from '../src/deck/slides.js';
import { layoutPane } from '../src/layout/chrome.js';
import { searchResultRuns } from '../src/layout/search-lines.js';
import { layoutScreen } from '../src/layout/screen-layout.js';
import { deckReducer, initialDeckState, type Action, type DeckState } from '../src/navigation/deck-state.js';
import { interpretAction } from '../src/navigation/interpret-key.js';
import { actionForKey, continueSequence, functionKeyOf, keyNamesOf, NO_KEY_FLAGS, type KeyFlags } from '../src/navigation/key-bindings.js';
import { foldForSearch, searchSlides } from '../src/search/search-slides.js';
import { searchActionForKey } from '../src/ui/use-deck-keys.js';
import { renderPresenter, renderWithInk } from './helpers/frame.js';
import { blankColour } from '../src/ui/BlankFrame.js';
import { THEMES } from '../src/ui/theme.js';
import { SLIDES_YAML } from './helpers/paths.js';

const TEN = initialDeckState(10);
const at = (slide: number, changes: Partial<DeckState> = {}): DeckState => ({ ...TEN, slide, seenSlide: slide, ...changes });
const run = (state: DeckState, ...actions: Action[]) => actions.reduce(deckReducer, state);

const TALK = buildSlides(await readDeck(SLIDES_YAML));

describe('blanking the audience screen', () => {
  it.each<[string, DeckState, Action, Partial<DeckState>]>([
    ['b blanks black', at(3), { type: 'blank', screen: 'black' }, { blank: 'black', slide: 3 }],
    ['w blanks white', at(3), { type: 'blank', screen: 'white' }, { blank: 'white' }],
    ['the same key again brings the slide back', at(3, { blank: 'black' }), { type: 'blank', screen: 'black' }, { blank: 'none' }],
    ['the other colour switches', at(3, { blank: 'black' }), { type: 'blank', screen: 'white' }, { blank: 'white' }],
    ['Esc brings it back and asks nothing', at(3, { blank: 'white' }), { type: 'back' }, { blank: 'none', isQuitPrompted: false }],
    ['next brings it back without moving', at(3, { blank: 'black' }), { type: 'next' }, { blank: 'none', slide: 3 }],
    ['previous brings it back without moving', at(3, { blank: 'black' }), { type: 'previous' }, { blank: 'none', slide: 3 }],
    ['Home brings it back without moving', at(3, { blank: 'black' }), { type: 'first' }, { blank: 'none', slide: 3 }],
    ['End brings it back without moving', at(3, { blank: 'black' }), { type: 'last' }, { blank: 'none', slide: 3 }],
    ['Enter brings it back without moving', at(3, { blank: 'black' }), { type: 'confirm' }, { blank: 'none', slide: 3 }],
    [
      'a slide number and Enter jump and bring it back',
      at(3, { blank: 'black', jumpDigits: '7' }),
      { type: 'confirm' },
      { blank: 'none', slide: 6 },
    ],
    ['F5 brings it back', at(3, { blank: 'black' }), { type: 'start' }, { blank: 'none', slide: 3 }],
    ['another view blanks this one', at(3), { type: 'syncBlank', blank: 'white' }, { blank: 'white' }],
    [
      'the overview opens over it (in the presenter view)',
      at(3, { blank: 'black' }),
      { type: 'toggleOverview' },
      { blank: 'black', overlay: 'overview' },
    ],
  ])('%s', (_name, state, action, expected) => {
    expect(deckReducer(state, action)).toMatchObject(expected);
  });

  it('keeps the blank through a move made in another view', () => {
    expect(deckReducer(at(3, { blank: 'black' }), { type: 'sync', position: { slide: 5, step: 0 } })).toMatchObject({
      slide: 5,
      blank: 'black',
    });
  });

  it('a view can start blanked (it joined a blanked talk)', () => {
    expect(initialDeckState(3, { blank: 'black' }).blank).toBe('black');
  });
});

describe('Esc never ends a talk by accident', () => {
  it('o, Esc, Esc closes the overview and asks; only a third Esc quits', () => {
    const asked = run(at(2), { type: 'toggleOverview' }, { type: 'back' }, { type: 'back' });
    expect(asked).toMatchObject({ overlay: 'none', isQuitPrompted: true, isQuitting: false });
    expect(deckReducer(asked, { type: 'back' }).isQuitting).toBe(true);
  });

  it('digits, Esc, Esc clears the digits and asks', () => {
    const asked = run(at(2), { type: 'typeDigit', digit: '4' }, { type: 'back' }, { type: 'back' });
    expect(asked).toMatchObject({ jumpDigits: '', isQuitPrompted: true, isQuitting: false });
  });

  it('any other key, or the time running out, takes the question back', () => {
    const asked = deckReducer(at(2), { type: 'back' });
    expect(deckReducer(asked, { type: 'next' })).toMatchObject({ isQuitPrompted: false, slide: 3 });
    expect(deckReducer(asked, { type: 'quitPromptExpired' }).isQuitPrompted).toBe(false);
    expect(run(asked, { type: 'quitPromptExpired' }, { type: 'back' }).isQuitting).toBe(false);
  });

  it('a move from another view leaves the question open', () => {
    const asked = deckReducer(at(2), { type: 'back' });
    expect(deckReducer(asked, { type: 'sync', position: { slide: 4, step: 0 } }).isQuitPrompted).toBe(true);
  });
});

describe('jumping back', () => {
  it.each<[string, Action[]]>([
    ['a slide number', [{ type: 'typeDigit', digit: '8' }, { type: 'confirm' }]],
    ['the overview', [{ type: 'toggleOverview' }, { type: 'last' }, { type: 'confirm' }]],
    ['End', [{ type: 'last' }]],
    ['a search result', [{ type: 'goTo', slide: 8 }]],
  ])("returns from a jump by %s, and ' again returns to it", (_name, actions) => {
    const jumped = run(at(2), ...actions);
    expect(jumped.slide).toBeGreaterThan(2);
    const back = deckReducer(jumped, { type: 'jumpBack' });
    expect(back.slide).toBe(2);
    expect(deckReducer(back, { type: 'jumpBack' }).slide).toBe(jumped.slide);
  });

  it('keeps the place through steps taken after the jump', () => {
    const moved = run(at(11 - 10), { type: 'goTo', slide: 4 }, { type: 'next' }, { type: 'next' });
    expect(moved.slide).toBe(6);
    expect(deckReducer(moved, { type: 'jumpBack' }).slide).toBe(1);
  });

  it('does nothing before any jump', () => {
    const state = at(3);
    expect(deckReducer(state, { type: 'jumpBack' })).toBe(state);
  });
});

describe('the search line in the reducer', () => {
  it('opens empty, takes typing, erases, and moves the highlight within the results', () => {
    const open = deckReducer(at(2), { type: 'openSearch' });
    expect(open).toMatchObject({ overlay: 'search', search: { query: '', cursor: 0 } });
    const typed = run(open, { type: 'searchType', text: 'ch' }, { type: 'searchType', text: 'i' });
    expect(typed.search).toEqual({ query: 'chi', cursor: 0 });
    expect(run(typed, { type: 'searchMove', by: 1, count: 3 }, { type: 'searchMove', by: 5, count: 3 }).search.cursor).toBe(2);
    expect(run(typed, { type: 'searchMove', by: -1, count: 3 }).search.cursor).toBe(0);
    expect(deckReducer(typed, { type: 'searchErase' }).search).toEqual({ query: 'ch', cursor: 0 });
    expect(deckReducer(typed, { type: 'back' })).toMatchObject({ overlay: 'none', slide: 2, isQuitPrompted: false });
  });

  it('ignores typing when the search is not open', () => {
    const state = at(2);
    expect(deckReducer(state, { type: 'searchType', text: 'x' })).toBe(state);
  });
});

describe('keys of the search line', () => {
  it.each<[string, Action | undefined]>([
    ['q', { type: 'searchType', text: 'q' }],
    ['space', { type: 'searchType', text: ' ' }],
    ['é', { type: 'searchType', text: 'é' }],
    ['backspace', { type: 'searchErase' }],
    ['enter', { type: 'confirm' }],
    ['escape', { type: 'back' }],
    ['down', { type: 'searchMove', by: 1, count: 0 }],
    ['up', { type: 'searchMove', by: -1, count: 0 }],
    ['ctrl+c', { type: 'quit', status: 130 }],
    ['f5', undefined],
  ])('%s', (name, action) => {
    expect(searchActionForKey(name)).toEqual(action);
  });
});

describe('the keys of presenter remotes', () => {
  const flags = (changes: Partial<KeyFlags>): KeyFlags => ({ ...NO_KEY_FLAGS, ...changes });
  it.each<[string, string, Partial<KeyFlags>, string, Action['type']]>([
    ['Page Down', '', { pageDown: true }, '\u001B[6~', 'next'],
    ['Page Up', '', { pageUp: true }, '\u001B[5~', 'previous'],
    ['Tab', '\t', { tab: true }, '\t', 'next'],
    ['Shift-Tab', '', { tab: true, shift: true }, '\u001B[Z', 'previous'],
    ['F5 (xterm)', '', {}, '\u001B[15~', 'start'],
    ['Shift-F5 (xterm)', '', {}, '\u001B[15;2~', 'start'],
    ['F5 (Linux console)', '', {}, '\u001B[[E', 'start'],
    ['. (blank)', '.', {}, '.', 'blank'],
    ['b (blank)', 'b', {}, 'b', 'blank'],
    ['Esc', '', { escape: true }, '\u001B', 'back'],
  ])('%s', (_name, input, changes, sequence, type) => {
    const names = keyNamesOf(input, flags(changes), sequence);
    expect(names).toHaveLength(1);
    expect(actionForKey(names[0], 'audience')?.type).toBe(type);
  });

  it.each([
    ['\u001B[15~', 'f5'],
    ['[15;2~', 'shift+f5'],
    ['\u001BOP', 'f1'],
    ['\u001B[1;2P', 'shift+f1'],
    ['\u001B[24~', 'f12'],
    ['\u001B[15;5~', undefined],
    ['\u001B[2~', undefined],
  ])('names the function key %j', (sequence, name) => {
    expect(functionKeyOf(sequence)).toBe(name);
  });

  it('puts F5 together when its ESC came alone', () => {
    expect(continueSequence({ text: '', isLoneEscape: true }, '[15~')).toMatchObject({ kind: 'sequence', key: 'f5' });
  });
});

describe('interpretAction for the stage keys', () => {
  const slides = TALK;
  const state = { ...initialDeckState(slides.map(stepCountOf)), slide: 2, seenSlide: 2 };
  const screenOf = (changes: Partial<DeckState>) =>
    layoutScreen({ terminal: { columns: 80, rows: 24 }, view: 'audience', state: { ...state, ...changes }, slides, hasNotice: false });

  it('F5 brings the screen back and starts the timer', () => {
    expect(interpretAction({ type: 'start' }, { state, screen: screenOf({}), hasProblem: false })).toEqual([
      { kind: 'dispatch', action: { type: 'start' } },
      { kind: 'startTimer' },
    ]);
  });

  it('Enter in the search jumps to the highlighted result', () => {
    const searching: Partial<DeckState> = { overlay: 'search', search: { query: 'cold war', cursor: 1 } };
    const screen = screenOf(searching);
    if (screen.overlay?.kind !== 'search') throw new Error('expected the search overlay');
    const target = screen.overlay.results[1]?.slide;
    expect(target).toBeDefined();
    expect(interpretAction({ type: 'confirm' }, { state: { ...state, ...searching }, screen, hasProblem: false })).toEqual([
      { kind: 'dispatch', action: { type: 'goTo', slide: target } },
    ]);
    expect(
      interpretAction({ type: 'searchMove', by: 1, count: 0 }, { state: { ...state, ...searching }, screen, hasProblem: false }),
    ).toEqual([{ kind: 'dispatch', action: { type: 'searchMove', by: 1, count: screen.overlay.results.length } }]);
  });

  it('Enter in a search with no result closes it', () => {
    const searching: Partial<DeckState> = { overlay: 'search', search: { query: 'zzzz', cursor: 0 } };
    expect(
      interpretAction({ type: 'confirm' }, { state: { ...state, ...searching }, screen: screenOf(searching), hasProblem: false }),
    ).toEqual([{ kind: 'dispatch', action: { type: 'back' } }]);
  });
});

describe('searching the slides', () => {
  const slides = TALK;

  it('folds case and accents', () => {
    expect(foldForSearch('États Pax').folded).toBe('etats pax');
    const deck = buildSlides({
      title: 'T',
      sections: [{ id: 'a', title: 'A', slides: [{ title: 'Pax Americana', bullets: ['Détente ended'], notes: 'Say *Pax* slowly' }] }],
    } as Parameters<typeof buildSlides>[0]);
    expect(searchSlides(deck, 'pax').map((result) => result.slide)).toEqual([2]);
    expect(searchSlides(deck, 'DETENTE')[0]?.hit).toMatchObject({ text: 'Détente ended', matches: [{ start: 0, end: 7 }] });
  });

  it('looks in the notes in the presenter view only', () => {
    const deck = buildSlides({
      title: 'T',
      sections: [{ id: 'a', title: 'A', slides: [{ title: 'S', bullets: ['x'], notes: 'Mention the **gas deal**' }] }],
    } as Parameters<typeof buildSlides>[0]);
    expect(searchSlides(deck, 'gas deal')).toEqual([]);
    expect(searchSlides(deck, 'gas deal', { isNotesSearched: true })[0]?.hit).toMatchObject({
      isNotes: true,
      text: 'Mention the gas deal',
    });
  });

  it('finds text in every layout of the talk: titles, bullets, columns, quotes, timelines', () => {
    for (const slide of slides) {
      if (slide.kind !== 'content') continue;
      const body = slide.body;
      const text =
        body.layout === 'bullets'
          ? body.bullets.map((bullet) => (typeof bullet === 'string' ? bullet : bullet.text))[0]
          : body.layout === 'columns'
            ? body.columns[0]?.bullets[0]
            : body.layout === 'quote'
              ? body.quote
              : body.layout === 'statement'
                ? body.statement
                : body.events[0]?.what;
      const words = (text ?? '').replace(/[*`_]/g, '').split(' ').slice(0, 3).join(' ');
      expect(searchSlides(slides, words).map((result) => result.slide)).toContain(slides.indexOf(slide));
    }
  });

  it('marks the match in a result row cut to its width', () => {
    const [result] = searchSlides(slides, 'Ukraine');
    if (result === undefined) throw new Error('expected a result');
    for (const columns of [20, 40, 76]) {
      const runs = searchResultRuns(result, 2, columns);
      expect(runs.map((runOf) => runOf.text).join('').length).toBeLessThanOrEqual(columns);
    }
    expect(searchResultRuns(result, 2, 76).some((runOf) => runOf.isMatch && /ukraine/i.test(runOf.text))).toBe(true);
  });
});

describe('frames of the search', () => {
  const slides = TALK;
  const searching = (query: string, cursor = 0): Partial<DeckState> => ({ overlay: 'search', search: { query, cursor } });

  it.each([
    [80, 24],
    [40, 12],
  ])('the search line and its results at %ix%i', (columns, rows) => {
    const frame = renderWithInk(slides, { slide: 12, columns, rows, state: searching('china', 1) });
    expect(frame).toContain('/china▏');
    expect(frame).toMatch(/\d+ slides/);
    expect(frame).toMatchSnapshot();
  });

  it.each([
    [80, 24],
    [40, 12],
  ])('the search line before anything is typed, at %ix%i', (columns, rows) => {
    expect(renderWithInk(slides, { slide: 3, columns, rows, state: searching('') })).toMatchSnapshot();
  });

  it('says when no slide has the text', () => {
    expect(renderWithInk(slides, { slide: 3, columns: 80, rows: 24, state: searching('qwerty') })).toContain('no slide has this text');
  });

  it('the presenter view searches the notes and keeps its status row', () => {
    const state = { ...initialDeckState(slides.map(stepCountOf)), slide: 4, ...searching('presenter') };
    const frame = renderPresenter(slides, state, 80, 24);
    expect(frame.split('\n')[0]).toContain('slide 5/');
    expect(frame).toContain('/presenter▏');
  });

  it('the presenter view marks a blanked audience first in its status row, even when narrow', () => {
    for (const columns of [40, 80]) {
      const state = { ...initialDeckState(slides.map(stepCountOf)), slide: 4, blank: 'black' as const };
      const frame = renderPresenter(slides, state, columns, 24);
      expect(frame.split('\n')[0]).toMatch(/^■ audience blanked/);
    }
  });

  it('the search pane shows as much as fits in a tiny terminal', () => {
    const frame = renderWithInk(slides, { slide: 3, columns: 20, rows: 7, state: searching('china') });
    expect(frame).toContain('/china');
    expect(layoutPane({ columns: 20, rows: 5 }).inner.rows).toBeGreaterThan(0);
  });
});

describe('what the fresh-eyes trial found', () => {
  it('a jump made in another view can be undone here: the jump-back place comes with the move', () => {
    const synced = deckReducer(at(5), { type: 'sync', position: { slide: 9, step: 0 }, jumpedFrom: { slide: 4, step: 0 } });
    expect(synced.jumpedFrom).toEqual({ slide: 4, step: 0 });
    expect(deckReducer(deckReducer(synced, { type: 'shown' }), { type: 'jumpBack' }).slide).toBe(4);
    expect(deckReducer(synced, { type: 'sync', position: { slide: 3, step: 0 }, jumpedFrom: null }).jumpedFrom).toBeUndefined();
  });

  it.each<[string, DeckState, Action]>([
    ['a search result', at(3, { blank: 'black', overlay: 'search' }), { type: 'goTo', slide: 7 }],
    ['the overview', at(3, { blank: 'black', overlay: 'overview', overviewCursor: 7 }), { type: 'confirm' }],
    ['a slide number', at(3, { blank: 'white', jumpDigits: '8' }), { type: 'confirm' }],
  ])('a jump to %s while blanked moves and brings the slide back, as every jump does', (_name, state, action) => {
    expect(deckReducer(state, action)).toMatchObject({ slide: 7, blank: 'none' });
  });

  it('in a blanked audience view, keys that open something bring the slide back instead; the presenter view opens them', () => {
    const slides = TALK;
    const state = { ...initialDeckState(slides.map(stepCountOf)), slide: 4, seenSlide: 4, blank: 'black' as const };
    for (const action of [{ type: 'toggleHelp' }, { type: 'toggleOverview' }, { type: 'openSearch' }, { type: 'toggleNotes' }] as const) {
      const audience = layoutScreen({ terminal: { columns: 80, rows: 24 }, view: 'audience', state, slides, hasNotice: false });
      expect(interpretAction(action, { state, screen: audience, hasProblem: false })).toEqual([
        { kind: 'dispatch', action: { type: 'blank', screen: 'black' } },
      ]);
      const presenter = layoutScreen({ terminal: { columns: 80, rows: 24 }, view: 'presenter', state, slides, hasNotice: false });
      expect(interpretAction(action, { state, screen: presenter, hasProblem: false })).toEqual([{ kind: 'dispatch', action }]);
    }
  });

  it("black is the darker of a theme's colours and white the lighter, in light themes too", () => {
    for (const theme of Object.values(THEMES)) {
      const black = blankColour(theme, 'black');
      const white = blankColour(theme, 'white');
      if (theme.background === undefined) {
        expect([black, white]).toEqual(['black', 'white']);
        continue;
      }
      const level = (hex: string) =>
        Number.parseInt(hex.slice(1, 3), 16) + Number.parseInt(hex.slice(3, 5), 16) + Number.parseInt(hex.slice(5, 7), 16);
      expect(level(black)).toBeLessThan(level(white));
    }
    expect(blankColour(THEMES.light, 'black')).toBe(THEMES.light.text);
  });

  it('Ctrl-U clears the search line', () => {
    const typed = deckReducer(at(2, { overlay: 'search', search: { query: 'china', cursor: 2 } }), { type: 'searchErase', all: true });
    expect(typed.search).toEqual({ query: '', cursor: 0 });
    expect(searchActionForKey('ctrl+u')).toEqual({ type: 'searchErase', all: true });
  });

  it('straight quotes find curly ones', () => {
    const deck = buildSlides({
      title: 'T',
      sections: [{ id: 'a', title: 'A', slides: [{ title: 'S', bullets: ['a \u201Cnew model\u201D of ties'] }] }],
    } as Parameters<typeof buildSlides>[0]);
    expect(searchSlides(deck, '"new model"')).toHaveLength(1);
  });

  it("rxvt's Shift-F5 starts the talk too", () => {
    expect(functionKeyOf('\u001B[28~')).toBe('shift+f5');
    expect(actionForKey(keyNamesOf('', NO_KEY_FLAGS, '\u001B[28~')[0], 'audience')).toEqual({ type: 'start' });
  });

  it('a title without the match gives way to the text that has it, at 40 columns', () => {
    const [result] = searchSlides(TALK, 'East China Sea');
    if (result === undefined) throw new Error('expected a result');
    const text = searchResultRuns(result, 2, 36)
      .map((run) => run.text)
      .join('');
    expect(text).toContain('East');
  });
});
