package expr

import (
	"maps"
	"slices"
)

// FunctionNames lists the grammar's function names, sorted (ln beside log):
// for tests outside the package that must cover every function.
func FunctionNames() []string {
	return slices.Sorted(maps.Keys(functions))
}
