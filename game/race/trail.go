package race

// trail is a fixed-size ring of the most recent positions; once full, each
// new point overwrites the oldest.
type trail struct {
	points     [][2]float64
	head, size int // points[head] is the oldest of size stored points
}

func newTrail(capacity int) trail { return trail{points: make([][2]float64, capacity)} }

func (t *trail) clear() { t.head, t.size = 0, 0 }

func (t *trail) push(p [2]float64) {
	n := len(t.points)
	if n == 0 {
		return
	}
	if t.size < n {
		t.points[(t.head+t.size)%n] = p
		t.size++
		return
	}
	t.points[t.head] = p
	t.head = (t.head + 1) % n
}

// appendTo appends the stored points to dst, oldest first.
func (t *trail) appendTo(dst [][2]float64) [][2]float64 {
	for i := range t.size {
		dst = append(dst, t.points[(t.head+i)%len(t.points)])
	}
	return dst
}
