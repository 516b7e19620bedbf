// Package perf keeps the game loop's recent timings and allocation counts, for
// window.descent.metrics() and `go run ./build bench`.
package perf

import (
	"runtime/metrics"
	"slices"
	"sync"
	"time"
)

// Window is how many recent samples the percentiles and means cover.
const Window = 240

// Ring keeps the most recent Window samples; it is safe for concurrent use.
type Ring struct {
	mu  sync.Mutex
	buf [Window]float64
	n   int
}

// Push adds a sample, dropping the oldest once Window are kept.
func (r *Ring) Push(v float64) {
	r.mu.Lock()
	r.buf[r.n%Window] = v
	r.n++
	r.mu.Unlock()
}

// Add adds a duration, in milliseconds.
func (r *Ring) Add(d time.Duration) { r.Push(float64(d) / 1e6) }

// Percentiles returns the p50 and p95 of the recent samples (0 when there are
// none) and how many samples were ever pushed.
func (r *Ring) Percentiles() (p50, p95 float64, count int) {
	r.mu.Lock()
	s := slices.Clone(r.buf[:min(r.n, Window)])
	count = r.n
	r.mu.Unlock()
	p50, p95 = Percentiles(s)
	return p50, p95, count
}

// Percentiles returns the p50 and p95 of samples, 0 when there are none. It
// sorts samples.
func Percentiles(samples []float64) (p50, p95 float64) {
	if len(samples) == 0 {
		return 0, 0
	}
	slices.Sort(samples)
	return samples[len(samples)/2], samples[(len(samples)*95)/100]
}

// Mean returns the mean of the recent samples, 0 when there are none.
func (r *Ring) Mean() float64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	k := min(r.n, Window)
	if k == 0 {
		return 0
	}
	sum := 0.0
	for _, v := range r.buf[:k] {
		sum += v
	}
	return sum / float64(k)
}

// Loop is what the game loop measures about itself.
type Loop struct {
	Update, Draw Ring
	// Allocs holds each tick's heap allocations: its Update's and those of the
	// Draw before it.
	Allocs     Ring
	drawAllocs uint64
}

// DrawAllocated records a Draw's allocations, counted into the next tick.
func (l *Loop) DrawAllocated(n uint64) { l.drawAllocs += n }

// EndTick records a tick's allocations: its Update's and the last Draw's.
func (l *Loop) EndTick(updateAllocs uint64) {
	l.Allocs.Push(float64(updateAllocs + l.drawAllocs))
	l.drawAllocs = 0
}

// Span is one measured part of a tick, an Update or a Draw: when it began and,
// if its allocations count, how many heap objects had been allocated then.
type Span struct {
	t0       time.Time
	a0       uint64
	counting bool
}

// Begin starts a span. Its allocations count only if counting: the game
// counts from its first frame drawn on, since the start's own allocations are
// not a frame's, and runtime/metrics' first read runs 29 kB of code that V8
// would compile before ready.
func Begin(counting bool) Span {
	s := Span{t0: time.Now(), counting: counting}
	if counting {
		s.a0 = allocs()
	}
	return s
}

// EndUpdate records an Update's time and, if they count, the tick's allocations.
func (l *Loop) EndUpdate(s Span) {
	l.Update.Add(time.Since(s.t0))
	if s.counting {
		l.EndTick(allocs() - s.a0)
	}
}

// EndDraw records a Draw's time and, if they count, its allocations, which go
// into the next tick's.
func (l *Loop) EndDraw(s Span) {
	l.Draw.Add(time.Since(s.t0))
	if s.counting {
		l.DrawAllocated(allocs() - s.a0)
	}
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
	AllocsPerFrame         float64 // heap objects per tick (Update and Draw), mean over the last Window ticks counted (the game counts from its first frame on)
	ShaderCompiles         int     // field shaders compiled since start
	HeapBytes, TotalAllocs uint64
}

// Fill sets m's timings and allocations from what the loop measured.
func (l *Loop) Fill(m *Metrics) {
	m.UpdateP50, m.UpdateP95, m.Updates = l.Update.Percentiles()
	m.DrawP50, m.DrawP95, m.Draws = l.Draw.Percentiles()
	m.AllocsPerFrame = l.Allocs.Mean()
}
