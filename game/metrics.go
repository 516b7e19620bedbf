//go:build js && wasm

package game

import (
	"runtime"
	"runtime/metrics"

	"github.com/hajimehoshi/ebiten/v2"

	"descent/game/perf"
)

var allocSample = []metrics.Sample{{Name: "/gc/heap/allocs:objects"}}

// allocs is how many heap objects the program has allocated so far. It is
// read only from the first frame drawn on (Game.Update): on a first visit V8
// compiles a wasm function when it first runs, and runtime/metrics' first read
// runs its 29 kB table of metrics.
func allocs() uint64 {
	metrics.Read(allocSample)
	return allocSample[0].Value.Uint64()
}

// Metrics returns the recent timings and memory use.
func (g *Game) Metrics() perf.Metrics {
	m := perf.Metrics{FPS: ebiten.ActualFPS(), TPS: ebiten.ActualTPS(), ShaderCompiles: g.painter.shaders.Made}
	g.stats.Fill(&m)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	m.HeapBytes, m.TotalAllocs = ms.HeapAlloc, ms.Mallocs
	return m
}
