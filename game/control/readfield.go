package control

import (
	"errors"

	"descent/assets"
	"descent/game/view"
	"descent/problems"
)

// Read is a read-back of a formula's field at world points, for
// descent.fieldValues: the painter paints each of Fields (one a point) in the
// field shader's read-back mode into assets.RawPixels×1 pixels, reads them
// back, and hands Done all the pixels in order, with the error of a shader
// that did not compile.
type Read struct {
	Fields []Field
	Done   func(px []byte, err error)
}

// ReadField asks the next frame for a Read of Problem's field at Points.
type ReadField struct {
	Problem *problems.Problem
	Points  [][2]float64
	Done    func(px []byte, err error)
}

func (cmd ReadField) apply(c *Controller) []string {
	if cmd.Done == nil {
		return nil
	}
	if cmd.Problem == nil || len(cmd.Points) == 0 {
		cmd.Done(nil, errors.New("no formula or no points to read"))
		return nil
	}
	if c.hidden {
		// A page out of sight draws no frame, in which alone the GPU is read.
		cmd.Done(nil, errors.New("the page is out of sight, so it draws nothing to read; ask again when it shows"))
		return nil
	}
	r := Read{Fields: make([]Field, len(cmd.Points)), Done: cmd.Done}
	for i, p := range cmd.Points {
		// Scale 0: every pixel of the read is the point itself, so the shader
		// evaluates the formula at float32(p) with no arithmetic of its own.
		geo := view.View{CX: p[0], CY: p[1], Scale: 0, W: assets.RawPixels, H: 1}
		r.Fields[i] = Field{Problem: cmd.Problem, Geo: geo, Stale: true, Raw: true}
	}
	c.drawer.reads = append(c.drawer.reads, r)
	c.dirty = true
	return nil
}
