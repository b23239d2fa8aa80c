import { useEffect, useRef, useState, type Dispatch } from 'react';
import type { Action, Blank } from '../navigation/deck-state.js';
import type { SyncChannel } from '../sync/sync-channel.js';

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

  const [isPresenterConnected, setPresenterConnected] = useState(channel.isPresenterConnected);
  useEffect(() => {
    const unsubscribe = channel.onPresenterConnected(setPresenterConnected);
    // A presenter that connected between joining and this subscription.
    setPresenterConnected(channel.isPresenterConnected);
    return unsubscribe;
  }, [channel]);
  const [hasStaleViews, setStaleViews] = useState(channel.hasStaleViews);
  useEffect(() => {
    const unsubscribe = channel.onStaleViews(setStaleViews);
    setStaleViews(channel.hasStaleViews);
    return unsubscribe;
  }, [channel]);
  return { isPresenterConnected, hasStaleViews };
}
