import CMallocTuning
import FolioCLI

// Set before any allocation of a run, here and not in the library: how the process allocates
// is the program's choice, not that of a library that others may embed.
_ = folio_keep_freed_memory()
FolioCommand.main()
