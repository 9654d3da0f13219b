// SPDX-License-Identifier: MIT
// Starts kinesalite (in memory) on 127.0.0.1 only, on a free port unless one is given, and prints
// "listening <port>" once it accepts connections. kinesalite's own CLI listens on every interface.
'use strict'
const kinesalite = require('kinesalite')

const args = process.argv.slice(2)
const port = Number(args.find(a => /^[0-9]+$/.test(a)) || 0)
const server = kinesalite({ createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0, shardLimit: 50 })
server.listen(port, '127.0.0.1', () => {
  console.log(`listening ${server.address().port}`)
})
if (args.includes('--exit-with-stdin')) {
  // A test host that dies without disposing its fixture closes the pipe: kinesalite goes with it.
  process.stdin.on('end', () => process.exit(0))
  process.stdin.resume()
}
