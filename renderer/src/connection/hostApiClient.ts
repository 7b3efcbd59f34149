import { z } from 'zod'
import {
  API_PREFIX,
  apiErrorSchema,
  hostingStatusSchema,
  listWorkspacesResponse,
  profileResponse,
  settingsSchema,
  workspaceInfoSchema,
  type HostingStatus,
  type Profile,
  type Settings,
  type WorkspaceInfo,
} from '../../../shared/hostApi'
import type { WorkspaceId } from '../../../shared/ids'
import {
  inviteResponse,
  workspacePeersResponse,
  type WorkspacePeers,
} from '../../../shared/peersApi'
import {
  addAddressResponse,
  nearbyResponse,
  type AddAddressResponse,
  type NearbyHost,
} from '../../../shared/discovery'

/** A failed API call, with the host's own words when it gave any. */
export class HostApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message)
    this.name = 'HostApiError'
  }

  get isUnauthorized(): boolean {
    return this.status === 401 || this.status === 403
  }
}

const createResponse = z.union([workspaceInfoSchema, z.object({ workspace: workspaceInfoSchema })])
const settingsResponse = z.union([settingsSchema, z.object({ settings: settingsSchema })])

export type HostApi = ReturnType<typeof createHostApi>

/**
 * The owner's client for the host HTTP API (contract in shared/hostApi.ts). Every response is
 * validated; a host that answers something else is reported, not trusted.
 */
export function createHostApi(hostUrl: string, token: string, fetchImpl: typeof fetch = fetch) {
  async function call(method: string, path: string, body?: unknown): Promise<unknown> {
    let response: Response
    try {
      response = await fetchImpl(new URL(`${API_PREFIX}${path}`, hostUrl), {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    } catch (error) {
      throw new HostApiError(error instanceof Error ? error.message : String(error), 0)
    }
    const text = await response.text()
    let json: unknown = undefined
    if (text.length > 0) {
      try {
        json = JSON.parse(text) as unknown
      } catch {
        json = undefined
      }
    }
    if (!response.ok) {
      const parsed = apiErrorSchema.safeParse(json)
      throw new HostApiError(
        parsed.success ? parsed.data.error : `${response.status} ${response.statusText}`,
        response.status,
      )
    }
    return json
  }

  function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
    const parsed = schema.safeParse(value)
    if (!parsed.success) throw new HostApiError(`The host sent an unexpected ${what}.`, 0)
    return parsed.data
  }

  return {
    async listWorkspaces(): Promise<WorkspaceInfo[]> {
      return parse(listWorkspacesResponse, await call('GET', '/workspaces'), 'workspace list')
        .workspaces
    },
    /** Returns the new workspace when the host describes it in its answer. */
    async createWorkspace(name: string): Promise<WorkspaceInfo | undefined> {
      const parsed = createResponse.safeParse(await call('POST', '/workspaces', { name }))
      if (!parsed.success) return undefined
      return 'workspace' in parsed.data ? parsed.data.workspace : parsed.data
    },
    async renameWorkspace(id: WorkspaceId, name: string): Promise<void> {
      await call('PATCH', `/workspaces/${encodeURIComponent(id)}`, { name })
    },
    async deleteWorkspace(id: WorkspaceId): Promise<void> {
      await call('DELETE', `/workspaces/${encodeURIComponent(id)}`)
    },
    async rotateToken(id: WorkspaceId): Promise<WorkspaceInfo> {
      const answer = await call('POST', `/workspaces/${encodeURIComponent(id)}/rotate-token`)
      return parse(workspaceInfoSchema, answer, 'workspace')
    },
    /** Joins by invite (the host links to the inviting host); 400 says why it cannot. */
    async joinWorkspace(invite: string): Promise<WorkspaceInfo> {
      return parse(workspaceInfoSchema, await call('POST', '/join', { invite }), 'workspace')
    },
    /** An invite link; with `readOnly`, one carrying the workspace's read-only token. */
    async getInvite(id: WorkspaceId, readOnly: boolean): Promise<string> {
      const answer = await call('POST', `/workspaces/${encodeURIComponent(id)}/invite`, {
        readOnly,
      })
      return parse(inviteResponse, answer, 'invite').invite
    },
    async getWorkspacePeers(id: WorkspaceId): Promise<WorkspacePeers> {
      const answer = await call('GET', `/workspaces/${encodeURIComponent(id)}/peers`)
      return parse(workspacePeersResponse, answer, 'peer status')
    },
    async getHosting(): Promise<HostingStatus> {
      return parse(hostingStatusSchema, await call('GET', '/hosting'), 'hosting status')
    },
    async setHosting(on: boolean): Promise<HostingStatus> {
      return parse(hostingStatusSchema, await call('PUT', '/hosting', { on }), 'hosting status')
    },
    async getNearby(): Promise<NearbyHost[]> {
      return parse(nearbyResponse, await call('GET', '/nearby'), 'nearby list').hosts
    },
    async addPeerAddress(address: string): Promise<AddAddressResponse> {
      const answer = await call('POST', '/peers/addresses', { address })
      return parse(addAddressResponse, answer, 'answer')
    },
    async getProfile(): Promise<Profile | null> {
      return parse(profileResponse, await call('GET', '/profile'), 'profile').profile
    },
    async putProfile(profile: Profile): Promise<void> {
      await call('PUT', '/profile', profile)
    },
    async getSettings(): Promise<Settings> {
      const parsed = parse(settingsResponse, await call('GET', '/settings'), 'settings')
      return 'settings' in parsed ? parsed.settings : parsed
    },
    async putSettings(settings: Settings): Promise<void> {
      await call('PUT', '/settings', settings)
    },
  }
}
