package view

import (
	"fmt"
	"math"
	"strconv"
)

// Shape is the outline of a runner's ball, so that colour is never the only
// cue telling runners apart.
type Shape int

const (
	Circle Shape = iota
	Square
	Triangle // pointing up
	Diamond
	InvertedTriangle // pointing down
	Pentagon
	Hexagon
	Star // five-pointed
)

// shapeCount is how many shapes there are; runners' shapes repeat after it.
const shapeCount = int(Star) + 1

func (s Shape) String() string {
	switch s {
	case Circle:
		return "circle"
	case Square:
		return "square"
	case Triangle:
		return "triangle"
	case Diamond:
		return "diamond"
	case InvertedTriangle:
		return "inverted triangle"
	case Pentagon:
		return "pentagon"
	case Hexagon:
		return "hexagon"
	case Star:
		return "star"
	}
	return fmt.Sprintf("Shape(%d)", int(s))
}

// RunnerShape returns the shape of the i-th runner's ball; shapes repeat after
// eight, as colours do (RunnerColor).
func RunnerShape(i int) Shape { return Shape(i % shapeCount) }

// starInner is the radius of a star's inner corners, relative to its points:
// that of the regular pentagram, sin 18° / sin 126° ≈ 0.382.
var starInner = math.Sin(math.Pi/10) / math.Sin(7*math.Pi/10)

// Outline returns the corners of the shape, in order around it, for a ball of
// radius 1 centred at the origin in screen axes (y down): every corner lies on
// the unit circle, a star's inner corners inside it. A Circle has no corners:
// it returns nil, and the ball is drawn as a circle.
func (s Shape) Outline() [][2]float64 {
	switch s {
	case Square:
		return polygon(4, math.Pi/4, 1)
	case Triangle:
		return polygon(3, -math.Pi/2, 1)
	case Diamond:
		return polygon(4, -math.Pi/2, 1)
	case InvertedTriangle:
		return polygon(3, math.Pi/2, 1)
	case Pentagon:
		return polygon(5, -math.Pi/2, 1)
	case Hexagon:
		return polygon(6, 0, 1)
	case Star:
		return polygon(10, -math.Pi/2, starInner)
	}
	return nil
}

// polygon returns n corners evenly around the unit circle, the first at angle
// first (radians, clockwise on screen from +x), every other one at radius inner.
func polygon(n int, first, inner float64) [][2]float64 {
	pts := make([][2]float64, n)
	for k := range pts {
		a := first + 2*math.Pi*float64(k)/float64(n)
		r := 1.0
		if k%2 == 1 {
			r = inner
		}
		pts[k] = [2]float64{r * math.Cos(a), r * math.Sin(a)}
	}
	return pts
}

// ClipPath is the shape as a CSS clip-path, for the legend's marker beside
// each runner: "circle(50%)" or "polygon(…)" in percentages of its box.
func (s Shape) ClipPath() string {
	pts := s.Outline()
	if pts == nil {
		return "circle(50%)"
	}
	out := "polygon("
	for i, p := range pts {
		if i > 0 {
			out += ", "
		}
		out += strconv.FormatFloat(math.Round(500+500*p[0])/10, 'f', -1, 64) + "% " +
			strconv.FormatFloat(math.Round(500+500*p[1])/10, 'f', -1, 64) + "%"
	}
	return out + ")"
}
