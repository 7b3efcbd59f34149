// The floor for propagation: a WebSocket server that forwards every message to the other
// clients and does nothing else. Prints `listening <port>`.
import { createServer } from 'node:http'
import { WebSocketServer } from 'ws'

const server = createServer()
const wss = new WebSocketServer({ server })
wss.on('connection', (socket) => {
  socket.on('message', (data) => {
    for (const other of wss.clients) if (other !== socket) other.send(data)
  })
})
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`))
process.on('SIGTERM', () => process.exit(0))
