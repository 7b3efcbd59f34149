import type { IncomingMessage, ServerResponse } from 'node:http'
import type { z } from 'zod'
import {
  API_PREFIX,
  createWorkspaceRequest,
  privateNotebookRequest,
  profileSchema,
  renameWorkspaceRequest,
  setHostingRequest,
  settingsSchema,
  shareNoteRequest,
  type HostingStatus,
  type WorkspaceInfo,
} from '../../../shared/hostApi'
import {
  addAddressRequest,
  setNearbyVisibilityRequest,
  type NearbyHost,
} from '../../../shared/discovery'
import { decodeInviteLink } from '../../../shared/invite'
import { describeInviteError, inviteRequest, joinRequest } from '../../../shared/peersApi'
import { HostingFixedError } from '../lanHosting'
import { NoteShareError, shareNote } from '../noteShare'
import type { HostState } from '../state'
import { handleTransferRequest } from '../transfer/routes'
import {
  PrivateWorkspaceError,
  WorkspaceNotFoundError,
  type WorkspaceEntry,
  type WorkspaceRegistry,
} from '../workspaces'
import type { PeerControl } from './peerApi'
import { sendError, sendJson } from './respond'

/** Largest request body the API reads. Names and settings are tiny. */
export const MAX_API_BODY_BYTES = 64 * 1024

export type ApiContext = {
  registry: WorkspaceRegistry
  state: HostState
  /** Peer links (peerApi.ts); hosts without them answer 404 on join and peers. */
  peers?: PeerControl
  /** The invite link of a workspace, with this host's current addresses (and another token). */
  inviteLink: (workspace: WorkspaceEntry, token?: string) => string
  hosting: HostingControl
  /** LAN discovery (discovery/discovery.ts); hosts without it answer 404 on its routes. */
  discovery?: DiscoveryControl
  log: (line: string) => void
}

/** Discovery as the API drives it. */
export interface DiscoveryControl {
  nearby(): NearbyHost[]
  addAddress(address: string): Promise<{ found: boolean; error?: string }>
  setVisibleNearby(workspaceId: WorkspaceEntry['id'], visible: boolean): Promise<void>
}

/** LAN hosting as the API drives it (see lanHosting.ts). */
export interface HostingControl {
  status(): HostingStatus
  /** Rejects with {@link HostingFixedError} on a host bound to every interface. */
  setOn(on: boolean): Promise<HostingStatus>
}

/** A request error whose message is safe and useful to show. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/** The workspace as the API describes it. */
export function toWorkspaceInfo(
  workspace: WorkspaceEntry,
  inviteLink: (workspace: WorkspaceEntry) => string,
): WorkspaceInfo {
  return {
    id: workspace.id,
    name: workspace.name,
    demo: workspace.demo,
    createdAt: workspace.createdAt,
    // A private notebook has no invite link at all.
    invite: workspace.private ? '' : inviteLink(workspace),
    warnings: [...workspace.warnings],
    ...(workspace.error === null ? {} : { error: workspace.error }),
    ...(workspace.private ? { private: true } : {}),
  }
}

/**
 * The host API, for a request already authenticated as the owner. Routes:
 *
 * - `GET /api/workspaces` → `{ workspaces: WorkspaceInfo[] }`
 * - `POST /api/workspaces` `{ name }` → 201 `WorkspaceInfo`
 * - `PATCH /api/workspaces/<id>` `{ name }` → `WorkspaceInfo`
 * - `DELETE /api/workspaces/<id>` → 204 (the folder goes to `<dataDir>/trash/`)
 * - `POST /api/workspaces/<id>/rotate-token` → `WorkspaceInfo` with a new invite; connections
 *   that used the old token are closed (4401) and old links get 401
 * - `POST /api/join` `{ invite }` → 201 `WorkspaceInfo` (400 says why an invite is unusable);
 *   `GET /api/workspaces/<id>/peers` → `WorkspacePeers` (shared/peersApi.ts)
 * - `POST /api/workspaces/<id>/invite` `{ readOnly }` → `{ invite }`; with `readOnly` the link
 *   carries the workspace's read-only token (guests can view and follow, not edit)
 * - `GET /api/hosting` → `HostingStatus`; `PUT /api/hosting` `{ on }` → `HostingStatus`
 * - `GET /api/profile` → `{ profile: Profile | null }`; `PUT /api/profile` `Profile` → same
 * - `GET /api/settings` → `Settings`; `PUT /api/settings` partial `Settings` → `Settings`
 * - `GET /api/nearby` → `NearbyResponse`; `POST /api/peers/addresses` `{ address }` →
 *   `AddAddressResponse`; `PUT /api/nearby/visibility` `{ workspace, visible }` → 204
 *   (shared/discovery.ts)
 * - `POST /api/notebook` `{ name }` → `WorkspaceInfo` of the private notebook (201 when this
 *   created it); `POST /api/workspaces/<from>/notes/<note>/share` `{ to }` → 201
 *   `ShareNoteResponse` (a copy of a private note in a shared workspace; noteShare.ts). A
 *   private notebook refuses invites, token rotation and joins (409).
 *
 * Errors are `{ error }` with 400 (invalid body, in words), 404, 405, 409, 413 or 500.
 */
export async function handleApiRequest(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  context: ApiContext,
): Promise<void> {
  try {
    await route(req, res, pathname.slice(API_PREFIX.length), context)
  } catch (error) {
    if (error instanceof HttpError) {
      sendError(
        res,
        error.status,
        error.message,
        error.status === 413 ? { Connection: 'close' } : {},
      )
    } else if (error instanceof WorkspaceNotFoundError) {
      sendError(res, 404, error.message)
    } else if (error instanceof HostingFixedError || error instanceof PrivateWorkspaceError) {
      sendError(res, 409, error.message)
    } else if (error instanceof NoteShareError) {
      sendError(res, error.status, error.message)
    } else {
      context.log(`kryss api: ${req.method} ${pathname} failed: ${String(error)}`)
      sendError(res, 500, 'The host could not do that. See its log for details.')
    }
  }
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  context: ApiContext,
): Promise<void> {
  const { registry, state } = context
  const info = (w: WorkspaceEntry) => toWorkspaceInfo(w, context.inviteLink)
  const method = req.method ?? 'GET'
  if (await handleTransferRequest(req, res, path, context)) return

  if (path === '/workspaces') {
    if (method === 'GET') {
      return sendJson(res, 200, { workspaces: registry.list().map(info) })
    }
    if (method === 'POST') {
      const { name } = await readBody(req, createWorkspaceRequest)
      return sendJson(res, 201, info(await registry.create(name)))
    }
    return methodNotAllowed('GET, POST')
  }

  const workspaceMatch = /^\/workspaces\/([^/]+)$/.exec(path)
  if (workspaceMatch) {
    const id = workspaceMatch[1] ?? ''
    if (method === 'PATCH') {
      const { name } = await readBody(req, renameWorkspaceRequest)
      return sendJson(res, 200, info(await registry.rename(id, name)))
    }
    if (method === 'DELETE') {
      await registry.delete(id)
      res.writeHead(204, { 'Cache-Control': 'no-store' }).end()
      return
    }
    return methodNotAllowed('PATCH, DELETE')
  }

  const rotateMatch = /^\/workspaces\/([^/]+)\/rotate-token$/.exec(path)
  if (rotateMatch) {
    if (method !== 'POST') return methodNotAllowed('POST')
    refuseIfPrivate(registry.get(rotateMatch[1] ?? ''))
    return sendJson(res, 200, info(await registry.rotateToken(rotateMatch[1] ?? '')))
  }

  if (path === '/join' && context.peers) {
    if (method !== 'POST') return methodNotAllowed('POST')
    const decoded = decodeInviteLink((await readBody(req, joinRequest)).invite)
    if (!decoded.ok) throw new HttpError(400, describeInviteError(decoded.error))
    return sendJson(res, 201, info(await context.peers.join(decoded.invite)))
  }

  const inviteMatch = /^\/workspaces\/([^/]+)\/invite$/.exec(path)
  if (inviteMatch) {
    if (method !== 'POST') return methodNotAllowed('POST')
    const { readOnly } = await readBody(req, inviteRequest)
    const workspace = registry.get(inviteMatch[1] ?? '')
    if (!workspace) throw new HttpError(404, 'There is no such workspace.')
    refuseIfPrivate(workspace)
    const token = readOnly ? await registry.ensureViewToken(workspace.id) : workspace.token
    return sendJson(res, 200, { invite: context.inviteLink(workspace, token) })
  }

  if (path === '/notebook') {
    if (method !== 'POST') return methodNotAllowed('POST')
    const { name } = await readBody(req, privateNotebookRequest)
    const existed = registry.list().some((w) => w.private)
    const notebook = await registry.ensurePrivateNotebook(name)
    return sendJson(res, existed ? 200 : 201, info(notebook))
  }

  const shareMatch = /^\/workspaces\/([^/]+)\/notes\/([^/]+)\/share$/.exec(path)
  if (shareMatch) {
    if (method !== 'POST') return methodNotAllowed('POST')
    const { to } = await readBody(req, shareNoteRequest)
    const shared = await shareNote(registry, {
      from: shareMatch[1] ?? '',
      noteId: shareMatch[2] ?? '',
      to,
      author: state.profile?.name,
      now: Date.now(),
    })
    return sendJson(res, 201, shared)
  }

  const peersMatch = /^\/workspaces\/([^/]+)\/peers$/.exec(path)
  if (peersMatch && context.peers) {
    if (method !== 'GET') return methodNotAllowed('GET')
    const workspace = registry.get(peersMatch[1] ?? '')
    if (!workspace) throw new HttpError(404, 'There is no such workspace.')
    return sendJson(res, 200, context.peers.workspacePeers(workspace.id))
  }

  if (path === '/hosting') {
    if (method === 'GET') return sendJson(res, 200, context.hosting.status())
    if (method === 'PUT') {
      const { on } = await readBody(req, setHostingRequest)
      return sendJson(res, 200, await context.hosting.setOn(on))
    }
    return methodNotAllowed('GET, PUT')
  }

  if (path === '/profile') {
    if (method === 'GET') return sendJson(res, 200, { profile: state.profile })
    if (method === 'PUT') {
      const profile = await readBody(req, profileSchema)
      return sendJson(res, 200, { profile: await state.setProfile(profile) })
    }
    return methodNotAllowed('GET, PUT')
  }

  if (path === '/settings') {
    if (method === 'GET') return sendJson(res, 200, state.settings)
    if (method === 'PUT') {
      const patch = await readBody(req, settingsSchema.partial())
      return sendJson(res, 200, await state.setSettings({ ...state.settings, ...patch }))
    }
    return methodNotAllowed('GET, PUT')
  }

  if (path === '/nearby/visibility' && context.discovery) {
    if (method !== 'PUT') return methodNotAllowed('PUT')
    const { workspace, visible } = await readBody(req, setNearbyVisibilityRequest)
    const entry = registry.get(workspace)
    if (!entry) throw new WorkspaceNotFoundError(workspace)
    await context.discovery.setVisibleNearby(entry.id, visible)
    res.writeHead(204, { 'Cache-Control': 'no-store' }).end()
    return
  }

  if ((path === '/nearby' || path === '/peers/addresses') && context.discovery) {
    if (path === '/nearby') {
      if (method !== 'GET') return methodNotAllowed('GET')
      return sendJson(res, 200, { hosts: context.discovery.nearby() })
    }
    if (method !== 'POST') return methodNotAllowed('POST')
    const { address } = await readBody(req, addAddressRequest)
    return sendJson(res, 200, { address, ...(await context.discovery.addAddress(address)) })
  }

  throw new HttpError(404, `There is no API at ${API_PREFIX}${path}.`)
}

/** Invites and token rotation do not exist for a private notebook. */
function refuseIfPrivate(workspace: WorkspaceEntry | undefined): void {
  if (workspace?.private) throw new PrivateWorkspaceError(workspace.id)
}

function methodNotAllowed(allow: string): never {
  throw new HttpError(405, `Use ${allow} here.`)
}

/** Reads a JSON body of at most {@link MAX_API_BODY_BYTES} and validates it with `schema`. */
async function readBody<T extends z.ZodType>(
  req: IncomingMessage,
  schema: T,
): Promise<z.output<T>> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > MAX_API_BODY_BYTES) throw tooLarge()
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_API_BODY_BYTES) throw tooLarge()
    chunks.push(chunk)
  }
  let raw: unknown
  try {
    raw = JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new HttpError(400, 'The request body must be JSON.')
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) throw new HttpError(400, describeZodError(parsed.error))
  return parsed.data
}

function tooLarge(): HttpError {
  return new HttpError(413, `The request body is larger than ${MAX_API_BODY_BYTES} bytes.`)
}

/** "name: Too small: expected string to have >=1 characters" — one line per problem. */
function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
      return `${where}${issue.message}`
    })
    .join('; ')
}
