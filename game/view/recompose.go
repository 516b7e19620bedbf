package view

// Recompose is how a frame brings a view's cached picture (its field with
// the trails drawn onto it) up to date, before the trails it adds: so that
// a frame copies at most one full-view picture to the screen, and mostly only
// its damage (Screen): on a software GPU (SwiftShader) each full-view pass is
// a pass over every pixel, and the frame rate follows their number.
type Recompose int

const (
	// AddTrails: the trails add onto the picture as it is; most frames.
	AddTrails Recompose = iota
	// PaintField: a field that changed (stale, which every new size is) is
	// painted straight into the picture: one pass, where painting a field
	// image and copying it were two, on every frame that moves the view or
	// drags a surface's slider, and the first. The controller sends a
	// retrail with every such field, so the whole trails follow.
	PaintField
	// FromField: a retrail over trails and a field that has not changed (a
	// restart: a new learning rate, a new start; or more steps in a frame
	// than a trail keeps) composes the picture anew from the field alone,
	// painted once into an image of its own and copied from then on.
	FromField
	// FromBackground: the same without a field, from the background.
	FromBackground
)

// RecomposeFor says how, for a view with or without a field, whose field
// changed (stale), whose picture is missing or of another size (resized),
// in a frame that redraws the trails whole (retrail) of a view that has some.
// A view without trails has nothing to redraw.
func RecomposeFor(field, stale, resized, retrail, trails bool) Recompose {
	switch {
	case field && (stale || resized):
		return PaintField
	case !(retrail && trails || resized):
		return AddTrails
	case field:
		return FromField
	}
	return FromBackground
}
