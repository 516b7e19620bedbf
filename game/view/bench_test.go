package view

import (
	"math/rand/v2"
	"testing"
)

// The painter's busiest loops on the bench's stress race (build bench: eight
// runners at 200 steps a frame), as wasm under Node too:
// GOOS=js GOARCH=wasm go test -bench . ./game/view (with go env GOROOT's
// lib/wasm on the PATH).

// benchCurves are eight loss curves of a trail's 4,096 losses each, at step 100,000.
func benchCurves() (curves [][]float64, firsts []int) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 8 {
		c := make([]float64, 4096)
		for i := range c {
			c[i] = 10 + 40*r.Float64()
		}
		curves, firsts = append(curves, c), append(firsts, 100000-4095)
	}
	return curves, firsts
}

// BenchmarkLossChart is a frame's loss chart: its scale, from gaps the trails
// keep (LossChartWith, as a frame makes it), and its eight curves on a
// 300×150 chart.
func BenchmarkLossChart(b *testing.B) {
	curves, firsts := benchCurves()
	var g Gaps
	for _, c := range curves {
		g.Add(c, 0)
	}
	var dst []float32
	b.ReportAllocs()
	for b.Loop() {
		c := LossChartWith(g, curves, firsts, 100000, 0, 300, 150)
		for i := range curves {
			dst = c.Curve(dst[:0], curves[i], firsts[i], 0, 0)
		}
	}
}

// BenchmarkStrip is a frame's trails, 1,600 points of a random walk,
// feathered, and the same points as the plain strip the chart's curves are.
func BenchmarkStrip(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	var pts []float32
	x, y := float32(400), float32(300)
	for range 1600 {
		x, y = x+float32(r.NormFloat64()*5), y+float32(r.NormFloat64()*5)
		pts = append(pts, x, y)
	}
	var vs []Vertex
	var is []uint16
	b.Run("feathered", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			vs, is = Feathered(vs[:0], is[:0], pts, 2)
		}
	})
	b.Run("strip", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			vs, is = Strip(vs[:0], is[:0], pts, 2)
		}
	})
}
