import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { z } from 'zod'
import {
  IPC_CHANNELS,
  type AppInfo,
  type HostConnection,
  type IpcChannel,
  type IpcContract,
} from '../../shared/ipc'
import { APP_ORIGIN, isAppUrl } from './security'

/**
 * The only module that touches `ipcMain` (enforced by lint). Every channel of the contract in
 * `shared/ipc.ts` is registered through {@link handle}, which refuses callers that are not the
 * renderer's own frame and payloads that do not match the channel's schema, before the
 * handler sees anything.
 */

/** Request schemas per channel, typed by the contract so the two cannot drift apart. */
export const IPC_REQUEST_SCHEMAS: { [C in IpcChannel]: z.ZodType<IpcContract[C]['request']> } = {
  'host:connection': z.undefined(),
  'app:info': z.undefined(),
  'app:openExternal': z.strictObject({ url: z.string().min(1).max(4096) }),
  'dialog:pickFolder': z.strictObject({ title: z.string().max(200).optional() }),
}

/** A handler for one channel: the validated request in, the contract's response out. */
export type IpcHandler<C extends IpcChannel> = (
  request: IpcContract[C]['request'],
  event: IpcMainInvokeEvent,
) => IpcContract[C]['response'] | Promise<IpcContract[C]['response']>

/** Handlers for every channel; a missing channel is a compile error. */
export type IpcHandlers = { [C in IpcChannel]: IpcHandler<C> }

/** Thrown to the renderer when a call is refused; the message is safe to show. */
export class IpcRefusedError extends Error {
  override name = 'IpcRefusedError'
}

/**
 * Whether an invoke came from the app's own page. `senderFrame` is null when the frame has
 * navigated away or been destroyed since it sent the message; that caller is refused too.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const url = event.senderFrame?.url
  return typeof url === 'string' && url.startsWith(`${APP_ORIGIN}/`) && isAppUrl(url)
}

/**
 * Registers `handler` for `channel` and returns a disposer that removes it. The sender check
 * runs before payload parsing so an untrusted page learns nothing about the schemas.
 */
export function handle<C extends IpcChannel>(channel: C, handler: IpcHandler<C>): () => void {
  const schema = IPC_REQUEST_SCHEMAS[channel]
  ipcMain.handle(channel, async (event, ...args: unknown[]) => {
    if (!isTrustedSender(event)) {
      throw new IpcRefusedError(`${channel}: refused a caller outside ${APP_ORIGIN}`)
    }
    if (args.length > 1) throw new IpcRefusedError(`${channel}: expected at most one argument`)
    const parsed = schema.safeParse(args[0])
    if (!parsed.success) throw new IpcRefusedError(`${channel}: invalid request`)
    return await handler(parsed.data, event)
  })
  return () => ipcMain.removeHandler(channel)
}

/** What main provides to the IPC handlers. */
export type IpcDeps = {
  getHostConnection(): HostConnection
  getAppInfo(): AppInfo
  /** The vetted opener (`openExternalSafely`); resolves to whether the URL was opened. */
  openExternal(url: string): Promise<boolean>
  /** Shows the native folder picker; null when cancelled. */
  pickFolder(title: string | undefined): Promise<string | null>
}

/** Builds the handler table from main's services. */
export function createIpcHandlers(deps: IpcDeps): IpcHandlers {
  return {
    'host:connection': () => deps.getHostConnection(),
    'app:info': () => deps.getAppInfo(),
    'app:openExternal': async ({ url }) => ({ opened: await deps.openExternal(url) }),
    'dialog:pickFolder': async ({ title }) => ({ path: await deps.pickFolder(title) }),
  }
}

/** Registers every channel in `IPC_CHANNELS`; the returned disposer removes them all. */
export function registerIpcHandlers(handlers: IpcHandlers): () => void {
  const register = <C extends IpcChannel>(channel: C) => handle(channel, handlers[channel])
  const disposers = IPC_CHANNELS.map(register)
  return () => {
    for (const dispose of disposers) dispose()
  }
}
