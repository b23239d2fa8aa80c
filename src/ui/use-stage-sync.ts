import { useEffect, useRef, useState, type Dispatch } from 'react';
import type { Action, Blank } from '../navigation/deck-state.js';
import type { SyncChannel } from '../sync/sync-channel.js';
import { useLatest } from './use-latest.js';

/**
 * Keeps the blanked screen the same in every view of the session: this view's blank and
 * un-blank are published, the others' applied with `syncBlank`. A blank that came from another
 * view is not published back, so views never echo.
 *
 * @returns Whether a presenter view is connected (an audience view then leaves the banners of a
 *   broken save and of views that stopped following to it, issue 18), and whether a connected
 *   `--no-watch` view shows another version of the deck (which the presenter view then says).
 */
export function useStageSync(
  channel: SyncChannel,
  blank: Blank,
  dispatch: Dispatch<Action>,
): { readonly isPresenterConnected: boolean; readonly hasStaleViews: boolean } {
  const shared = useRef<Blank>(channel.blank);
  useEffect(
    () =>
      channel.onBlank((next) => {
        shared.current = next;
        dispatch({ type: 'syncBlank', blank: next });
      }),
    [channel, dispatch],
  );
  useEffect(() => {
    if (blank === shared.current) return;
    shared.current = blank;
    channel.publishBlank(blank);
  }, [channel, blank]);

  const isPresenterConnected = useChannelFlag(channel.isPresenterConnected, (listener) => channel.onPresenterConnected(listener));
  const hasStaleViews = useChannelFlag(channel.hasStaleViews, (listener) => channel.onStaleViews(listener));
  return { isPresenterConnected, hasStaleViews };
}

/**
 * A yes-or-no the channel reports (`now`, then each flip to `subscribe`'s listener), as state:
 * read again once subscribed, as it may have flipped between joining and the subscription.
 */
function useChannelFlag(now: boolean, subscribe: (listener: (value: boolean) => void) => () => void): boolean {
  const [value, setValue] = useState(now);
  const latest = useLatest({ now, subscribe });
  useEffect(() => {
    const unsubscribe = latest.current.subscribe(setValue);
    setValue(latest.current.now);
    return unsubscribe;
  }, [latest]);
  return value;
}
