using Microsoft.EntityFrameworkCore;

namespace Steward.Data;

public sealed class SqliteStewardDbContext(DbContextOptions<SqliteStewardDbContext> options) : StewardDbContext(options);
