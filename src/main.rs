// jemalloc: glibc malloc's per-thread arenas kept freed batches mapped.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    entente::cli::main()
}
