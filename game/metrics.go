//go:build js && wasm

package game

import (
	"runtime"
	"runtime/metrics"
	"slices"
	"sync"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
)

// window is how many recent samples the percentiles and means cover.
const window = 240

// ring keeps the most recent window samples.
type ring struct {
	mu  sync.Mutex
	buf [window]float64
	n   int
}

func (r *ring) push(v float64) {
	r.mu.Lock()
	r.buf[r.n%window] = v
	r.n++
	r.mu.Unlock()
}

func (r *ring) add(d time.Duration) { r.push(float64(d) / 1e6) }

// percentiles returns the p50 and p95 of the recent samples, 0 when none, and
// how many samples were ever pushed.
func (r *ring) percentiles() (p50, p95 float64, count int) {
	r.mu.Lock()
	s := slices.Clone(r.buf[:min(r.n, window)])
	count = r.n
	r.mu.Unlock()
	if len(s) == 0 {
		return 0, 0, count
	}
	slices.Sort(s)
	return s[len(s)/2], s[(len(s)*95)/100], count
}

// mean returns the mean of the recent samples.
func (r *ring) mean() float64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	k := min(r.n, window)
	if k == 0 {
		return 0
	}
	sum := 0.0
	for _, v := range r.buf[:k] {
		sum += v
	}
	return sum / float64(k)
}

type stats struct {
	update, draw timings
	allocs       ring   // heap objects allocated by each tick's Update and the Draw before it
	drawAllocs   uint64 // by the Draw since the last tick
}

type timings = ring

// endTick records a tick's allocations: its Update's and the last Draw's.
func (s *stats) endTick(updateAllocs uint64) {
	s.allocs.push(float64(updateAllocs + s.drawAllocs))
	s.drawAllocs = 0
}

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
	AllocsPerFrame         float64 // heap objects per tick (Update and Draw), mean over the last window ticks
	ShaderCompiles         int     // field shaders compiled since start
	HeapBytes, TotalAllocs uint64
}

// Metrics returns the recent timings and memory use.
func (g *Game) Metrics() Metrics {
	var m Metrics
	m.FPS, m.TPS = ebiten.ActualFPS(), ebiten.ActualTPS()
	m.UpdateP50, m.UpdateP95, m.Updates = g.stats.update.percentiles()
	m.DrawP50, m.DrawP95, m.Draws = g.stats.draw.percentiles()
	m.AllocsPerFrame = g.stats.allocs.mean()
	m.ShaderCompiles = g.painter.compiles
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	m.HeapBytes, m.TotalAllocs = ms.HeapAlloc, ms.Mallocs
	return m
}
