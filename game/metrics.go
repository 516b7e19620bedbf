//go:build js && wasm

package game

import (
	"runtime"
	"runtime/metrics"

	"github.com/hajimehoshi/ebiten/v2"
)

var allocSample = []metrics.Sample{{Name: "/gc/heap/allocs:objects"}}

// allocs is how many heap objects the program has allocated so far.
func allocs() uint64 {
	metrics.Read(allocSample)
	return allocSample[0].Value.Uint64()
}

// Metrics is the game's recent performance, for window.descent.metrics().
type Metrics struct {
	FPS, TPS               float64
	UpdateP50, UpdateP95   float64 // ms
	DrawP50, DrawP95       float64 // ms, over frames that drew
	Updates, Draws         int     // counts since start
	AllocsPerFrame         float64 // heap objects per tick (Update and Draw), mean over the last perf.Window ticks
	ShaderCompiles         int     // field shaders compiled since start
	HeapBytes, TotalAllocs uint64
}

// Metrics returns the recent timings and memory use.
func (g *Game) Metrics() Metrics {
	var m Metrics
	m.FPS, m.TPS = ebiten.ActualFPS(), ebiten.ActualTPS()
	m.UpdateP50, m.UpdateP95, m.Updates = g.stats.Update.Percentiles()
	m.DrawP50, m.DrawP95, m.Draws = g.stats.Draw.Percentiles()
	m.AllocsPerFrame = g.stats.Allocs.Mean()
	m.ShaderCompiles = g.painter.compiles
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	m.HeapBytes, m.TotalAllocs = ms.HeapAlloc, ms.Mallocs
	return m
}
