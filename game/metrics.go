//go:build js && wasm

package game

import (
	"runtime"

	"github.com/hajimehoshi/ebiten/v2"

	"descent/game/perf"
)

// Metrics returns the recent timings and memory use.
func (g *Game) Metrics() perf.Metrics {
	m := perf.Metrics{FPS: ebiten.ActualFPS(), TPS: ebiten.ActualTPS(), ShaderCompiles: g.painter.shaders.Made}
	g.stats.Fill(&m)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	m.HeapBytes, m.TotalAllocs = ms.HeapAlloc, ms.Mallocs
	return m
}
