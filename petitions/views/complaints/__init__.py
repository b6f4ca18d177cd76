"""The complaints area's pages by audience: `public` (the citizen's side and the board), `staff`."""
