/** A delivery we refuse; thrown inside the transaction so that nothing of it is kept. */
export class OrderRejected extends Error {
  override name = "OrderRejected";
  constructor(
    readonly httpStatus: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}
