//go:build js && wasm

package game

import (
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
)

// window is how many recent samples the timing percentiles cover.
const window = 240

// timings is a ring of recent durations.
type timings struct {
	mu  sync.Mutex
	buf [window]float64 // milliseconds
	n   int
}

func (t *timings) add(d time.Duration) {
	t.mu.Lock()
	t.buf[t.n%window] = float64(d) / 1e6
	t.n++
	t.mu.Unlock()
}

// percentiles returns the p50 and p95 of the recent samples, 0 when none.
func (t *timings) percentiles() (p50, p95 float64, count int) {
	t.mu.Lock()
	s := slices.Clone(t.buf[:min(t.n, window)])
	count = t.n
	t.mu.Unlock()
	if len(s) == 0 {
		return 0, 0, count
	}
	slices.Sort(s)
	return s[len(s)/2], s[(len(s)*95)/100], count
}

type metrics struct {
	update, draw timings
}

// Metrics is the game's recent performance, for window.descent.metrics().
type Metrics struct {
	FPS, TPS               float64
	UpdateP50, UpdateP95   float64 // ms
	DrawP50, DrawP95       float64 // ms, over frames that drew
	Updates, Draws         int     // counts since start
	HeapBytes, TotalAllocs uint64
}

// Metrics returns the recent timings and memory use.
func (g *Game) Metrics() Metrics {
	var m Metrics
	m.FPS, m.TPS = ebiten.ActualFPS(), ebiten.ActualTPS()
	m.UpdateP50, m.UpdateP95, m.Updates = g.stats.update.percentiles()
	m.DrawP50, m.DrawP95, m.Draws = g.stats.draw.percentiles()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	m.HeapBytes, m.TotalAllocs = ms.HeapAlloc, ms.Mallocs
	return m
}
