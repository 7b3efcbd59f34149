// The stock y-websocket server (@y/websocket-server 0.1.1), in memory, on a free loopback
// port, for the propagation comparison. Prints `listening <port>`.
import { createServer } from 'node:http'
import { WebSocketServer } from 'ws'
import { setupWSConnection } from '@y/websocket-server/utils'

const server = createServer()
const wss = new WebSocketServer({ server })
wss.on('connection', (socket, request) => {
  const docName = (request.url ?? '/').slice(1).split('?')[0] || 'bench'
  setupWSConnection(socket, request, { docName })
})
server.listen(0, '127.0.0.1', () => {
  console.log(`listening ${server.address().port}`)
})
process.on('SIGTERM', () => process.exit(0))
